import { Injectable } from '@nestjs/common';
import { idCardProblem, maskIdCard, maskIdCardsIn, maskPhone, normalizeIdCard, type IdCardProblem } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { NotFoundError, ValidationError } from '../../common/errors';
import { newId } from '../../common/ids';
import { OrgService } from '../org/org.service';
import { IntakeService } from '../reports/intake.service';
import { TicketAccessService } from '../tickets/ticket-access.service';
import { TicketsRepository } from '../tickets/tickets.repository';
import { TicketsService } from '../tickets/tickets.service';
import { TicketStateMachine } from '../workflow/ticket-state-machine';
import type { CreateWalkInDto } from './dto';
import { FieldCipher } from './field-cipher';
import type { WalkIn } from './walk-in.entity';
import { WalkInsRepository } from './walk-ins.repository';

const ID_PROBLEM: Record<IdCardProblem, string> = {
  format: '身份证号码应为18位,最后一位可为数字或X',
  birth_date: '身份证号码中的出生日期无效',
  checksum: '身份证号码校验位不正确,请核对',
};

/**
 * Replaces the visitor's ID number wherever it was typed into free text, and
 * any ID number however spelled (`110105 19491231 002X`, full-width digits …).
 */
const scrub = (s: string, id: string, masked: string) => maskIdCardsIn(s.split(id).join(masked).split(id.toLowerCase()).join(masked));

/**
 * 来访登记: the dispatcher registers a visitor at the counter. The matter
 * becomes a ticket through the common intake (channel `walk_in`), queued at
 * this counter's centre, and is accepted at once through the state machine.
 */
@Injectable()
export class WalkInsService {
  constructor(
    private readonly repo: WalkInsRepository,
    private readonly intake: IntakeService,
    private readonly machine: TicketStateMachine,
    private readonly tickets: TicketsRepository,
    private readonly ticketViews: TicketsService,
    private readonly access: TicketAccessService,
    private readonly org: OrgService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async register(user: AuthUser, dto: CreateWalkInDto) {
    const problem = idCardProblem(dto.idNumber, this.clock.now());
    if (problem) throw new ValidationError({ idNumber: ID_PROBLEM[problem] });
    if (!user.unitId) throw new ValidationError({ unit: '您的账号未分配综治中心' });
    const idNumber = normalizeIdCard(dto.idNumber);
    const masked = maskIdCard(idNumber)!;
    const parties = (dto.parties ?? []).map((p) => scrub(p.trim(), idNumber, masked)).filter(Boolean);
    const counter = await this.org.subtree(user.unitId);
    const walkInId = newId();
    const { ticket } = await this.intake.file(user, {
      channel: 'walk_in',
      text: scrub(dto.text, idNumber, masked),
      location: dto.location,
      contactPhone: dto.phone,
      idempotencyKey: null,
      // The visitor stands at this counter: keep the case here unless routing put it below (a community of this street).
      centre: async (routed) => (counter.has(routed) ? routed : user.unitId!),
      within: async (m, t) => {
        const row: WalkIn = {
          id: walkInId,
          ticketId: t.id,
          visitorNameEnc: this.cipher.encrypt(dto.visitorName.trim()),
          visitorPhoneEnc: this.cipher.encrypt(dto.phone),
          idNumberEnc: this.cipher.encrypt(idNumber),
          idNumberMasked: masked,
          partiesEnc: this.cipher.encrypt(JSON.stringify(parties)),
          unitId: user.unitId!,
          registeredBy: user.id,
          createdAt: t.createdAt,
        };
        await this.repo.insert(m, row);
      },
    });
    await this.machine.apply(ticket.id, 'accept', user, { note: '来访登记,当场受理' });
    return this.present((await this.repo.findById(walkInId))!, user);
  }

  async get(user: AuthUser, id: string) {
    const w = await this.repo.findById(id);
    if (!w) throw new NotFoundError('未找到该来访登记');
    await this.access.assertCanView(user, await this.tickets.findById(w.ticketId)).catch(() => {
      throw new NotFoundError('未找到该来访登记');
    });
    return this.present(w, user);
  }

  /** The ID number leaves only masked; the phone masked as for any staff view. */
  private async present(w: WalkIn, viewer: AuthUser) {
    const ticket = await this.ticketViews.getForViewer(w.ticketId, viewer);
    return {
      id: w.id,
      visitor: { name: this.cipher.decrypt(w.visitorNameEnc), phone: maskPhone(this.cipher.decrypt(w.visitorPhoneEnc)), idNumber: w.idNumberMasked },
      parties: JSON.parse(this.cipher.decrypt(w.partiesEnc)) as string[],
      createdAt: w.createdAt.toISOString(),
      ticket,
      documents: { acceptance: `/api/v1/tickets/${w.ticketId}/documents/acceptance` },
    };
  }
}
