import { CreateInitialSchema1795602986723 } from './1795602986723-CreateInitialSchema';
// Committed migrations, oldest first. Generated with `pnpm --filter @zongzhi/api migration:generate <Name>`.
export const MIGRATIONS: Function[] = [CreateInitialSchema1795602986723];
