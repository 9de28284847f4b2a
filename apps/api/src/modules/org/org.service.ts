import { Injectable } from '@nestjs/common';
import type { Tier } from '@zongzhi/shared';
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

  /** Finds the grid holding a GCJ-02 point, and its community, street and district. */
  async place(location: { lat: number; lng: number } | null | undefined): Promise<Placement> {
    await this.ready();
    const grid = location ? this.grids.find((g) => pointInPolygon(location.lng, location.lat, g.boundary!)) : undefined;
    if (!grid) {
      return { gridId: null, communityId: null, streetId: null, districtId: (await this.defaultDistrict()).id, locationUnverified: true };
    }
    const community = this.units.get(grid.parentId!)!;
    const street = this.units.get(community.parentId!)!;
    return { gridId: grid.id, communityId: community.id, streetId: street.id, districtId: street.parentId!, locationUnverified: false };
  }

  /** The centre whose queue receives a ticket placed here at this tier. */
  centreFor(placement: Placement, tier: Tier): string {
    if (placement.locationUnverified) return placement.districtId;
    if (tier === 'community') return placement.communityId!;
    if (tier === 'street') return placement.streetId!;
    return placement.districtId;
  }
}
