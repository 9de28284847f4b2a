import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { IsBoolean } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { Clock } from '../../common/clock';
import { NotFoundError } from '../../common/errors';
import { User } from '../users/user.entity';

export class SetDutyDto {
  @ApiProperty({ description: 'true: 开始值班 (接收紧急案件短信); false: 结束值班' })
  @IsBoolean({ message: '值班状态只能是 true 或 false' })
  onDuty!: boolean;
}

/**
 * 值班: a dispatcher signs on for duty and off again. The dispatchers on duty
 * at a centre get the SMS when a report there raises self_harm (CrisisAlerts).
 */
@ApiTags('duty')
@ApiBearerAuth()
@Roles('dispatcher')
@Controller('duty')
export class DutyController {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly clock: Clock,
  ) {}

  @Get()
  async get(@CurrentUser() user: AuthUser) {
    return this.view(user);
  }

  @Put()
  @HttpCode(200)
  async set(@CurrentUser() user: AuthUser, @Body() dto: SetDutyDto) {
    const me = await this.users.findOne({ select: { id: true, onDutySince: true }, where: { id: user.id } });
    if (!me) throw new NotFoundError('未找到该账号');
    // Signing on again keeps the first sign-on time.
    if (dto.onDuty && !me.onDutySince) await this.users.update({ id: user.id }, { onDutySince: this.clock.now() });
    if (!dto.onDuty && me.onDutySince) await this.users.update({ id: user.id }, { onDutySince: null });
    return this.view(user);
  }

  private async view(user: AuthUser) {
    const colleagues = await this.users.find({ select: { id: true, displayName: true, phone: true, onDutySince: true }, where: { role: 'dispatcher', unitId: user.unitId ?? '' } });
    const me = colleagues.find((c) => c.id === user.id);
    const onDuty = colleagues.filter((c) => c.onDutySince);
    return {
      onDuty: !!me?.onDutySince,
      since: me?.onDutySince?.toISOString() ?? null,
      hasPhone: !!me?.phone,
      /** Colleagues of this centre on duty now (names only). */
      onDutyNames: onDuty.map((c) => c.displayName),
    };
  }
}
