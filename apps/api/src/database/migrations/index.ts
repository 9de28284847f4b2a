import { AddHistoryNoteVisibility1796681000000 } from './1796681000000-AddHistoryNoteVisibility';
import { AddAppMeta1796675413026 } from './1796675413026-AddAppMeta';
import { AddOpen311Partners1796674046664 } from './1796674046664-AddOpen311Partners';
import { AddCrisisClockAndDuty1796673323560 } from './1796673323560-AddCrisisClockAndDuty';
import { AddSecurityAuditAndSessions1796673177666 } from './1796673177666-AddSecurityAuditAndSessions';
import { AddSupervisionNoticeReadState1795616879307 } from './1795616879307-AddSupervisionNoticeReadState';
import { MovePatrolPhotosToEntries1795614625792 } from './1795614625792-MovePatrolPhotosToEntries';
import { AddChannelsAndMessages1795606110012 } from './1795606110012-AddChannelsAndMessages';
import { AddTicketLifecycle1795604191622 } from './1795604191622-AddTicketLifecycle';
import { CreateUploads1795603874011 } from './1795603874011-CreateUploads';
import { CreateInitialSchema1795602986723 } from './1795602986723-CreateInitialSchema';
// Committed migrations, oldest first. Generated with `pnpm --filter @zongzhi/api migration:generate <Name>`.
export const MIGRATIONS: Function[] = [CreateInitialSchema1795602986723, CreateUploads1795603874011, AddTicketLifecycle1795604191622, AddChannelsAndMessages1795606110012, MovePatrolPhotosToEntries1795614625792, AddSupervisionNoticeReadState1795616879307, AddSecurityAuditAndSessions1796673177666, AddCrisisClockAndDuty1796673323560, AddOpen311Partners1796674046664, AddAppMeta1796675413026, AddHistoryNoteVisibility1796681000000];
