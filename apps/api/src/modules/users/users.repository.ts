import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { newId } from '../../common/ids';
import { User } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}

  findById(id: string) {
    return this.repo.findOneBy({ id });
  }

  findStaffByUsername(username: string) {
    return this.repo.findOneBy({ username });
  }

  findByPhone(phone: string) {
    return this.repo.findOneBy({ phone });
  }

  findByWechatOpenid(openid: string) {
    return this.repo.findOneBy({ wechatOpenid: openid });
  }

  /** Finds or creates the resident with this phone or openid; safe when two logins race. */
  async findOrCreateResident(key: { phone: string } | { wechatOpenid: string }): Promise<User> {
    const find = () => ('phone' in key ? this.findByPhone(key.phone) : this.findByWechatOpenid(key.wechatOpenid));
    const existing = await find();
    if (existing) return existing;
    const user = this.repo.create({
      id: newId(),
      role: 'resident',
      displayName: 'phone' in key ? `群众${key.phone.slice(-4)}` : '微信用户',
      phone: 'phone' in key ? key.phone : null,
      wechatOpenid: 'wechatOpenid' in key ? key.wechatOpenid : null,
      username: null,
      passwordHash: null,
      unitId: null,
      departmentId: null,
      gridId: null,
      createdAt: new Date(),
    });
    try {
      await this.repo.insert(user);
      return user;
    } catch (e) {
      if (e instanceof QueryFailedError) {
        const again = await find();
        if (again) return again;
      }
      throw e;
    }
  }
}
