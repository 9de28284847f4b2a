import { Injectable } from '@nestjs/common';
import type { Department as DepartmentCode, Tier } from '@zongzhi/shared';
import type { Department } from './department.entity';
import { pointInPolygon } from './geo';
import type { OrgUnit } from './org-unit.entity';
import { OrgRepository } from './org.repository';

export interface Placement {
  gridId: string | null;
  communityId: string | null;
  streetId: string | null;
  districtId: string;
  locationUnverified: boolean;
}

/** About 10 km: within this, the nearest grids are drawn around a point outside them. */
const NEAR_DEGREES = 0.1;

export interface PlaceDescription {
  inside: boolean;
  /** 「东城街道幸福社区附近」; null outside every grid. */
  description: string | null;
  gridName: string | null;
  /** Grid boundaries around the point (GCJ-02 [lng, lat] rings), for the map. */
  areas: { id: string; name: string; level: string; boundary: [number, number][] }[];
}

/**
 * The organisation tree, read once and kept in memory: it is small (one
 * district has a few hundred grids) and changes rarely; `reload()` after an
 * admin edit.
 */
@Injectable()
export class OrgService {
  private units = new Map<string, OrgUnit>();
  private children = new Map<string, string[]>();
  private grids: OrgUnit[] = [];
  private departments: Department[] = [];
  private loaded?: Promise<void>;

  constructor(private readonly repo: OrgRepository) {}

  reload(): Promise<void> {
    this.loaded = (async () => {
      const [units, departments] = await Promise.all([this.repo.allUnits(), this.repo.allDepartments()]);
      this.units = new Map(units.map((u) => [u.id, u]));
      this.children = new Map();
      for (const u of units) {
        if (!u.parentId) continue;
        const list = this.children.get(u.parentId) ?? [];
        list.push(u.id);
        this.children.set(u.parentId, list);
      }
      this.grids = units.filter((u) => u.level === 'grid' && u.boundary?.length);
      this.departments = departments;
    })();
    return this.loaded;
  }

  private async ready() {
    await (this.loaded ?? this.reload());
  }

  async unit(id: string | null | undefined): Promise<OrgUnit | undefined> {
    await this.ready();
    return id ? this.units.get(id) : undefined;
  }

  async department(id: string | null | undefined): Promise<Department | undefined> {
    await this.ready();
    return id ? this.departments.find((d) => d.id === id) : undefined;
  }

  /** The unit and every unit below it. */
  async subtree(unitId: string): Promise<Set<string>> {
    await this.ready();
    const out = new Set<string>();
    const stack = [unitId];
    while (stack.length) {
      const id = stack.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      stack.push(...(this.children.get(id) ?? []));
    }
    return out;
  }

  async defaultDistrict(): Promise<OrgUnit> {
    await this.ready();
    const d = [...this.units.values()].find((u) => u.level === 'district');
    if (!d) throw new Error('no district configured');
    return d;
  }

  /**
   * Finds the grid holding a GCJ-02 point, and its community, street and district.
   * `fallbackGridId` places a report without a usable point in a known grid
   * (a grid worker reporting from their own grid).
   */
  async place(location: { lat: number; lng: number } | null | undefined, fallbackGridId?: string | null): Promise<Placement> {
    await this.ready();
    const grid =
      (location ? this.grids.find((g) => pointInPolygon(location.lng, location.lat, g.boundary!)) : undefined) ??
      (fallbackGridId ? this.grids.find((g) => g.id === fallbackGridId) : undefined);
    if (!grid) {
      return { gridId: null, communityId: null, streetId: null, districtId: (await this.defaultDistrict()).id, locationUnverified: true };
    }
    const community = this.units.get(grid.parentId!)!;
    const street = this.units.get(community.parentId!)!;
    return { gridId: grid.id, communityId: community.id, streetId: street.id, districtId: street.parentId!, locationUnverified: false };
  }

  /**
   * A point in words a resident knows (「东城街道幸福社区附近」) and the grids
   * around it for a small map; `inside: false` when no grid holds it (the
   * report still goes through, placed at the district for checking).
   */
  async describe(point: { lat: number; lng: number }): Promise<PlaceDescription> {
    await this.ready();
    const grid = this.grids.find((g) => pointInPolygon(point.lng, point.lat, g.boundary!));
    const area = (g: OrgUnit) => ({ id: g.id, name: g.name, level: g.level, boundary: g.boundary! });
    if (grid) {
      const community = this.units.get(grid.parentId!);
      const street = community?.parentId ? this.units.get(community.parentId) : undefined;
      const neighbours = this.grids.filter((g) => g.parentId === grid.parentId);
      return {
        inside: true,
        description: `${street?.name ?? ''}${community?.name ?? grid.name}附近`,
        gridName: grid.name,
        areas: neighbours.map(area),
      };
    }
    // Outside every grid: the few nearest grids, so the map shows where the served area is.
    const centre = (g: OrgUnit) => {
      const b = g.boundary!;
      return { lng: b.reduce((s, p) => s + p[0], 0) / b.length, lat: b.reduce((s, p) => s + p[1], 0) / b.length };
    };
    const d2 = (g: OrgUnit) => {
      const c = centre(g);
      return (c.lng - point.lng) ** 2 + (c.lat - point.lat) ** 2;
    };
    // Far away (another city), a map of our grids would shrink to a dot: none then, the notice says it all.
    const nearest = [...this.grids]
      .filter((g) => d2(g) < NEAR_DEGREES ** 2)
      .sort((a, b) => d2(a) - d2(b))
      .slice(0, 6);
    return { inside: false, description: null, gridName: null, areas: nearest.map(area) };
  }

  /** The centre whose queue receives a ticket placed here at this tier. */
  centreFor(placement: Placement, tier: Tier): string {
    if (placement.locationUnverified) return placement.districtId;
    if (tier === 'community') return placement.communityId!;
    if (tier === 'street') return placement.streetId!;
    return placement.districtId;
  }

  /** The unit itself, then its parent, up to the district. */
  async chainUp(unitId: string): Promise<OrgUnit[]> {
    await this.ready();
    const out: OrgUnit[] = [];
    for (let u = this.units.get(unitId); u && out.length < 10; u = u.parentId ? this.units.get(u.parentId) : undefined) out.push(u);
    return out;
  }

  /** The centre one level up (上报), or undefined at the top. */
  async parentOf(unitId: string): Promise<OrgUnit | undefined> {
    await this.ready();
    const u = this.units.get(unitId);
    return u?.parentId ? this.units.get(u.parentId) : undefined;
  }

  /** The district a unit belongs to. */
  async districtOf(unitId: string): Promise<OrgUnit | undefined> {
    return (await this.chainUp(unitId)).find((u) => u.level === 'district');
  }

  /** The department with this code at the unit, or at the nearest unit above it that has one. */
  async nearestDepartment(unitId: string, code: DepartmentCode): Promise<Department | undefined> {
    for (const u of await this.chainUp(unitId)) {
      const d = this.departments.find((x) => x.unitId === u.id && x.code === code);
      if (d) return d;
    }
    return undefined;
  }

  /**
   * Where a centre may dispatch (交办): every department at its unit or below;
   * for a code nobody at or below has, the nearest one above (a community
   * hands a labour dispute to its street's 劳动保障所). Never a department of
   * another branch of the tree.
   */
  async dispatchableDepartments(unitId: string): Promise<Department[]> {
    const below = await this.subtree(unitId);
    const out = this.departments.filter((d) => below.has(d.unitId));
    const covered = new Set(out.map((d) => d.code));
    for (const u of (await this.chainUp(unitId)).slice(1)) {
      for (const d of this.departments.filter((x) => x.unitId === u.id && !covered.has(x.code))) {
        out.push(d);
        covered.add(d.code);
      }
    }
    return out;
  }
}
