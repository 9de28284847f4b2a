import { AddCrisisClockAndDuty1796673485000 } from './1796673485000-AddCrisisClockAndDuty';
import { AddAppMeta1796673486837 } from './1796673486837-AddAppMeta';
import { CreateBaselineSchema1796673483078 } from './1796673483078-CreateBaselineSchema';
// Committed SQLite migrations, oldest first. Generated with `pnpm --filter @zongzhi/api migration:generate <Name> --sqlite`.
export const SQLITE_MIGRATIONS: Function[] = [CreateBaselineSchema1796673483078, AddCrisisClockAndDuty1796673485000, AddAppMeta1796673486837];
