import { hash } from '@node-rs/argon2';
import { DataSource, type EntityManager } from 'typeorm';
import { DEPARTMENT_LABELS, DEPARTMENTS, type Department as DepartmentCode, type Role } from '@zongzhi/shared';
import { newId } from '../../common/ids';
import { AppMeta, INITIALISED } from '../app-meta.entity';
import { Department } from '../../modules/org/department.entity';
import { OrgUnit, type Polygon } from '../../modules/org/org-unit.entity';
import { User } from '../../modules/users/user.entity';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_USERNAMES = ['admin', 'leader', 'dispatcher', 'street-dispatcher', 'handler', 'hrss-handler', 'grid-worker'];

/** Departments a street keeps on site (站所); the district has every bureau. */
const STREET_DEPARTMENTS: Record<string, string> = {
  justice: '司法所',
  police: '派出所',
  hrss: '劳动保障所',
  urban_mgmt: '城管中队',
  emergency: '安全生产监督站',
  center: '综治中心',
};
const DISTRICT_NAMES: Partial<Record<DepartmentCode, string>> = {
  hrss: '区人社局(劳动保障监察大队)',
  justice: '区司法局',
  housing: '区住建局',
  police: '区公安分局',
  center: '区综治中心',
};

function rect(w: number, s: number, e: number, n: number): Polygon {
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}

/**
 * The demo organisation: 示范区 → 2 streets → 2 communities each → 2 grids
 * each, with rectangular GCJ-02 boundaries that tile the district
 * (lng 116.30–116.50, lat 39.85–39.95), departments at district and street
 * level, and one account per role. Runs only into a database that was never
 * initialised (no `initialised` marker row), and writes the marker with it.
 */
export async function seedDemo(db: DataSource): Promise<boolean> {
  if (await isInitialised(db)) return false;
  const units: OrgUnit[] = [];
  const departments: Department[] = [];
  const unit = (code: string, name: string, level: OrgUnit['level'], parentId: string | null, boundary: Polygon | null): OrgUnit => {
    const u: OrgUnit = { id: newId(), code, name, level, parentId, boundary, centerLat: null, centerLng: null };
    if (boundary) {
      u.centerLng = Number(((boundary[0][0] + boundary[2][0]) / 2).toFixed(7));
      u.centerLat = Number(((boundary[0][1] + boundary[2][1]) / 2).toFixed(7));
    }
    units.push(u);
    return u;
  };
  const district = unit('D01', '示范区', 'district', null, rect(116.3, 39.85, 116.5, 39.95));
  for (const code of DEPARTMENTS) {
    departments.push({ id: newId(), code, name: DISTRICT_NAMES[code] ?? `区${DEPARTMENT_LABELS[code]}`, unitId: district.id });
  }
  const streets = [
    { code: 'S01', name: '东城街道', w: 116.3 },
    { code: 'S02', name: '西城街道', w: 116.4 },
  ];
  const grids: OrgUnit[] = [];
  const streetUnits: OrgUnit[] = [];
  for (const s of streets) {
    const street = unit(`D01${s.code}`, s.name, 'street', district.id, rect(s.w, 39.85, s.w + 0.1, 39.95));
    streetUnits.push(street);
    for (const [code, name] of Object.entries(STREET_DEPARTMENTS)) {
      departments.push({ id: newId(), code: code as DepartmentCode, name: `${s.name}${name}`, unitId: street.id });
    }
    ['幸福社区', '和平社区'].forEach((cname, ci) => {
      const s0 = 39.85 + ci * 0.05;
      const community = unit(`${street.code}C0${ci + 1}`, `${s.name.slice(0, 2)}${cname}`, 'community', street.id, rect(s.w, s0, s.w + 0.1, s0 + 0.05));
      for (let gi = 0; gi < 2; gi++) {
        const w = s.w + gi * 0.05;
        grids.push(unit(`${community.code}G0${gi + 1}`, `${community.name}第${gi + 1}网格`, 'grid', community.id, rect(w, s0, w + 0.05, s0 + 0.05)));
      }
    });
  }
  const street = streetUnits[0];
  const dep = (unitId: string, code: DepartmentCode) => departments.find((d) => d.unitId === unitId && d.code === code)!.id;
  const passwordHash = await hash(DEMO_PASSWORD);
  const now = new Date();
  const account = (username: string, role: Role, displayName: string, unitId: string, departmentId: string | null = null, gridId: string | null = null): User => ({
    id: newId(),
    role,
    displayName,
    username,
    passwordHash,
    phone: null,
    wechatOpenid: null,
    unitId,
    departmentId,
    gridId,
    onDutySince: null,
    createdAt: now,
  });
  const users = [
    account('admin', 'admin', '系统管理员', district.id),
    account('leader', 'leader', '区综治中心主任', district.id),
    // On duty with a phone: crisis reports (self_harm) reach this desk by SMS too.
    { ...account('dispatcher', 'dispatcher', '区综治中心受理员', district.id), phone: '13900000001', onDutySince: now },
    account('street-dispatcher', 'dispatcher', '东城街道综治中心受理员', street.id),
    account('handler', 'handler', '东城街道司法所调解员', street.id, dep(street.id, 'justice')),
    account('hrss-handler', 'handler', '区人社局监察员', district.id, dep(district.id, 'hrss')),
    account('grid-worker', 'grid_worker', '东城幸福社区网格员', grids[0].parentId!, null, grids[0].id),
  ];
  await db.transaction(async (m) => {
    await m.getRepository(OrgUnit).insert(units);
    await m.getRepository(Department).insert(departments);
    await m.getRepository(User).insert(users);
    await markInitialised(m, 'demo');
  });
  return true;
}

export async function isInitialised(db: DataSource): Promise<boolean> {
  return (await db.getRepository(AppMeta).countBy({ key: INITIALISED })) > 0;
}

/** The marker that this database holds real (or demo) data and must never be seeded again. */
export async function markInitialised(m: EntityManager, how: 'demo' | 'empty'): Promise<void> {
  await m.getRepository(AppMeta).insert({ key: INITIALISED, value: how, updatedAt: new Date() });
}

/** First start without the demo: write the marker so a later SEED_DEMO=true never seeds into this database. */
export async function markInitialisedWithoutDemo(db: DataSource): Promise<void> {
  if (await isInitialised(db)) return;
  await db.transaction((m) => markInitialised(m, 'empty'));
}
