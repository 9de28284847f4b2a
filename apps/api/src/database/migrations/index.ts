import { AddAppMeta1796673446977 } from './1796673446977-AddAppMeta';
import { AddCrisisClockAndDuty1796673323560 } from './1796673323560-AddCrisisClockAndDuty';
import { AddSupervisionNoticeReadState1795616879307 } from './1795616879307-AddSupervisionNoticeReadState';
import { MovePatrolPhotosToEntries1795614625792 } from './1795614625792-MovePatrolPhotosToEntries';
import { AddChannelsAndMessages1795606110012 } from './1795606110012-AddChannelsAndMessages';
import { AddTicketLifecycle1795604191622 } from './1795604191622-AddTicketLifecycle';
import { CreateUploads1795603874011 } from './1795603874011-CreateUploads';
import { CreateInitialSchema1795602986723 } from './1795602986723-CreateInitialSchema';
// Committed migrations, oldest first. Generated with `pnpm --filter @zongzhi/api migration:generate <Name>`.
export const MIGRATIONS: Function[] = [CreateInitialSchema1795602986723, CreateUploads1795603874011, AddTicketLifecycle1795604191622, AddChannelsAndMessages1795606110012, MovePatrolPhotosToEntries1795614625792, AddSupervisionNoticeReadState1795616879307, AddCrisisClockAndDuty1796673323560, AddAppMeta1796673446977];
