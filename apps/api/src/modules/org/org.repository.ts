import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Department } from './department.entity';
import { OrgUnit } from './org-unit.entity';

@Injectable()
export class OrgRepository {
  constructor(
    @InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
  ) {}

  allUnits() {
    return this.units.find({ order: { code: 'ASC' } });
  }

  allDepartments() {
    return this.departments.find({ order: { code: 'ASC' } });
  }
}
