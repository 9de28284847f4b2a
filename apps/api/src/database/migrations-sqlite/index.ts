import { AddHistoryNoteVisibility1796678253210 } from './1796678253210-AddHistoryNoteVisibility';
import { AddSecurityAuditSessionsAndOpen311Partners1796675422718 } from './1796675422718-AddSecurityAuditSessionsAndOpen311Partners';
import { AddCrisisClockAndDuty1796673485000 } from './1796673485000-AddCrisisClockAndDuty';
import { AddAppMeta1796675422858 } from './1796675422858-AddAppMeta';
import { CreateBaselineSchema1796673483078 } from './1796673483078-CreateBaselineSchema';
// Committed SQLite migrations, oldest first. Generated with `pnpm --filter @zongzhi/api migration:generate <Name> --sqlite`.
export const SQLITE_MIGRATIONS: Function[] = [CreateBaselineSchema1796673483078, AddCrisisClockAndDuty1796673485000, AddSecurityAuditSessionsAndOpen311Partners1796675422718, AddAppMeta1796675422858, AddHistoryNoteVisibility1796678253210];
