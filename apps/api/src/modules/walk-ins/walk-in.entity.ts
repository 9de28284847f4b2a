import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/**
 * 来访登记: who came to the counter about which ticket. The visitor's name,
 * phone, ID number and the parties are stored encrypted (FieldCipher); only
 * the masked ID number is kept in the clear, for display.
 */
@Entity('walk_ins')
@Index('uq_walk_ins_ticket', ['ticketId'], { unique: true })
@Index('idx_walk_ins_unit_created', ['unitId', 'createdAt'])
export class WalkIn {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'visitor_name_enc', type: 'varchar', length: 255 })
  visitorNameEnc: string;

  @Column({ name: 'visitor_phone_enc', type: 'varchar', length: 255 })
  visitorPhoneEnc: string;

  @Column({ name: 'id_number_enc', type: 'varchar', length: 255 })
  idNumberEnc: string;

  /** 110***********1234 */
  @Column({ name: 'id_number_masked', type: 'varchar', length: 18 })
  idNumberMasked: string;

  /** JSON list of the people involved, encrypted. */
  @Column({ name: 'parties_enc', type: 'text' })
  partiesEnc: string;

  /** The centre at whose counter the visit was registered. */
  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;

  @Column({ name: 'registered_by', type: 'varchar', length: 36 })
  registeredBy: string;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;
}
