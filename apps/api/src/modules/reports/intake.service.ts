import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { acceptDeadlineFor, generateCaseCode, isCrisis, ROLE_LABELS, type Channel } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { newId } from '../../common/ids';
import { CrisisAlerts } from '../messages/crisis-alerts';
import { OrgService } from '../org/org.service';
import { RoutingRulesService } from '../routing/routing-rules.service';
import type { TicketHistory } from '../tickets/ticket-history.entity';
import type { Ticket } from '../tickets/ticket.entity';
import { TicketsRepository } from '../tickets/tickets.repository';
import { TriageService } from '../triage/triage.service';
import { UploadsService } from '../uploads/uploads.service';

export interface IntakeInput {
  channel: Channel;
  text: string;
  location?: { lat: number; lng: number; address?: string } | null;
  /** An address without coordinates (hotline orders); the location's own address wins. */
  address?: string | null;
  photoIds?: string[];
  contactPhone: string | null;
  anonymous?: boolean;
  idempotencyKey: string | null;
  /** The centre to queue at, given the one the routing rules chose (walk-ins stay where the visitor stands). */
  centre?: (routed: string) => Promise<string>;
  /** More rows written in the ticket's transaction (patrol link, hotline order, walk-in record); a throw rolls the ticket back. */
  within?: (m: EntityManager, ticket: Ticket) => Promise<void>;
  /** After a unique key refused the insert: the ticket that won, when the conflict was a replay of the same request. */
  winner?: () => Promise<Ticket | null>;
}

/**
 * The one intake path of every channel: triage, placement by location,
 * routing to a centre, case code, the ticket with its first history row and
 * its photos in one transaction. Reports, patrol events, walk-ins and hotline
 * imports all come through here.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly triage: TriageService,
    private readonly org: OrgService,
    private readonly routing: RoutingRulesService,
    private readonly uploads: UploadsService,
    private readonly crisis: CrisisAlerts,
  ) {}

  async file(user: AuthUser, input: IntakeInput): Promise<{ ticket: Ticket; replayed: boolean }> {
    const { channel } = input;
    const text = input.text.trim();
    const suggestion = this.triage.assess(text, channel);
    // A grid worker on patrol is in their own grid even when the phone gave no position.
    const placement = await this.org.place(input.location, channel === 'grid_patrol' ? user.gridId : null);
    // A life in danger (self_harm) goes to the district centre with a one-hour clock; a visitor standing at a
    // counter stays with the staff in front of them (accepted there at once) and the district is alerted all the same.
    const urgent = isCrisis(suggestion.flags);
    const routed = await this.routing.centreFor(placement, suggestion.riskLevel);
    const unitId = input.centre ? await input.centre(routed) : urgent ? placement.districtId : routed;
    const now = new Date();

    for (let attempt = 0; ; attempt++) {
      const ticket: Ticket = {
        id: newId(),
        caseCode: generateCaseCode(now),
        status: 'submitted',
        channel,
        text,
        reporterId: user.id,
        idempotencyKey: input.idempotencyKey,
        contactPhone: input.contactPhone,
        anonymous: input.anonymous ?? false,
        lat: input.location?.lat ?? null,
        lng: input.location?.lng ?? null,
        address: input.location?.address?.trim() || input.address?.trim() || null,
        locationUnverified: placement.locationUnverified,
        gridId: placement.gridId,
        communityId: placement.communityId,
        streetId: placement.streetId,
        districtId: placement.districtId,
        unitId,
        departmentId: null,
        triage: suggestion,
        category: suggestion.category,
        riskLevel: suggestion.riskLevel,
        suggestedDepartment: null,
        dispatchedAt: null,
        signDeadline: null,
        signYellowAt: null,
        resolveDeadline: null,
        resolveYellowAt: null,
        urgent,
        acceptDeadline: acceptDeadlineFor(now, urgent),
        acceptChasedAt: null,
        reopenCount: 0,
        createdAt: now,
        updatedAt: now,
      };
      const entry: TicketHistory = {
        id: newId(),
        ticketId: ticket.id,
        action: 'submit',
        fromStatus: null,
        toStatus: 'submitted',
        actorId: user.id,
        actorRole: user.role,
        actorLabel: user.role === 'resident' ? '反映人' : ROLE_LABELS[user.role],
        note: null,
        data: { channel },
        at: now,
      };
      try {
        // Most reports carry no photos and no patrol: one round trip does it.
        if (!urgent && !input.photoIds?.length && !input.within && (await this.tickets.insertNewInOneTrip(ticket, entry))) {
          return { ticket, replayed: false };
        }
        await this.tickets.transaction(async (m) => {
          await this.tickets.insertWithHistory(m, ticket, entry);
          // Same transaction: a photo that is not the reporter's own rolls the whole report back.
          await this.uploads.attach(m, user.id, input.photoIds, { ticketId: ticket.id });
          await input.within?.(m, ticket);
          // Same transaction: an acknowledged crisis report always carries its alerts.
          if (urgent) await this.crisis.write(m, ticket, 'crisis_report', now);
        });
        return { ticket, replayed: false };
      } catch (e) {
        if (!(e instanceof QueryFailedError)) throw e;
        // Lost a race on the same request: the winner's ticket is the answer.
        const winner = await input.winner?.();
        if (winner) return { ticket: winner, replayed: true };
        // Otherwise a case-code collision: draw again.
        if (attempt >= 4) throw e;
      }
    }
  }
}
