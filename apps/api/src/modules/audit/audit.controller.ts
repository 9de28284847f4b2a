import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/decorators';
import { AuditService } from './audit.service';
import { AuditLogQuery } from './dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first; filters by action, actor, IP, target and time. */
  @Roles('admin')
  @Get()
  async list(@Query() q: AuditLogQuery) {
    const { items, total } = await this.audit.list(q);
    return {
      items: items.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        action: e.action,
        actor: { id: e.actorId, role: e.actorRole, label: e.actorLabel },
        ip: e.ip,
        target: e.targetType || e.targetId ? { type: e.targetType, id: e.targetId } : null,
        detail: e.detail,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
