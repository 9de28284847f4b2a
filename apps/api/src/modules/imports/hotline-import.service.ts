import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { isDuplicateKey } from '../../common/db-errors';
import { DomainError, ValidationError } from '../../common/errors';
import { newId } from '../../common/ids';
import { IntakeService } from '../reports/intake.service';
import { TicketsRepository } from '../tickets/tickets.repository';
import { checkRow, MAX_ORDERS, type HotlineRow } from './hotline-rows';
import { HotlineOrdersRepository } from './hotline-orders.repository';

export interface ImportResult {
  orderNo: string;
  result: 'created' | 'duplicate' | 'rejected';
  ticketId?: string;
  reason?: string;
}

/**
 * 12345 work orders and 110 referrals. Each valid order goes through the
 * common intake (triage, routing) in its own transaction, so one bad row
 * never loses the good ones; the order number is unique per source.
 */
@Injectable()
export class HotlineImportService {
  private readonly logger = new Logger('HotlineImport');

  constructor(
    private readonly intake: IntakeService,
    private readonly orders: HotlineOrdersRepository,
    private readonly tickets: TicketsRepository,
  ) {}

  /** Validates the batch's shape: a list of at most MAX_ORDERS orders. */
  static ordersOf(body: unknown): unknown[] {
    const orders = (body as { orders?: unknown } | null)?.orders;
    if (!Array.isArray(orders)) throw new ValidationError({ orders: '请提供工单列表 orders' });
    if (!orders.length) throw new ValidationError({ orders: '工单列表为空' });
    if (orders.length > MAX_ORDERS) throw new DomainError('PAYLOAD_TOO_LARGE', `一次最多导入${MAX_ORDERS}条工单`, { orders: `一次最多导入${MAX_ORDERS}条工单` });
    return orders;
  }

  async importBatch(user: AuthUser, raw: unknown[]): Promise<{ results: ImportResult[] }> {
    const results: ImportResult[] = [];
    for (const item of raw) {
      const checked = checkRow(item);
      if (!checked.ok) {
        results.push({ orderNo: checked.orderNo, result: 'rejected', reason: checked.reason });
        continue;
      }
      try {
        results.push(await this.importOne(user, checked.row));
      } catch (e) {
        // Only the order number and the error class: the row text may name people.
        this.logger.error(`order ${checked.row.orderNo} failed: ${e instanceof Error ? e.name : 'error'}`);
        results.push({ orderNo: checked.row.orderNo, result: 'rejected', reason: '导入失败,请稍后重试' });
      }
    }
    return { results };
  }

  private async importOne(user: AuthUser, row: HotlineRow): Promise<ImportResult> {
    const known = await this.orders.findBySourceAndNo(row.source, row.orderNo);
    if (known) return { orderNo: row.orderNo, result: 'duplicate', ticketId: known.ticketId };
    const winner = async () => {
      const o = await this.orders.findBySourceAndNo(row.source, row.orderNo);
      return o ? this.tickets.findById(o.ticketId) : null;
    };
    try {
      const { ticket, replayed } = await this.intake.file(user, {
        channel: row.source,
        text: row.text,
        address: row.address,
        contactPhone: row.callerPhone,
        idempotencyKey: null,
        within: (m, t) =>
          this.orders.insert(m, { id: newId(), source: row.source, orderNo: row.orderNo, ticketId: t.id, receivedAt: row.receivedAt, importedBy: user.id, createdAt: t.createdAt }),
        winner,
      });
      return { orderNo: row.orderNo, result: replayed ? 'duplicate' : 'created', ticketId: ticket.id };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const w = await winner();
      if (w) return { orderNo: row.orderNo, result: 'duplicate', ticketId: w.id };
      throw e;
    }
  }
}
