import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { NotFoundError } from '../../common/errors';
import { ListMessagesQuery, SubscribeDto } from './dto';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ListMessagesQuery) {
    return this.messages.list(user, q.page, q.pageSize);
  }

  @Get('unread-count')
  unread(@CurrentUser() user: AuthUser) {
    return this.messages.unreadCount(user);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() user: AuthUser) {
    return this.messages.readAll(user);
  }

  /** Records the templates a resident accepted in wx.requestSubscribeMessage (one send each). */
  @Roles('resident')
  @Post('subscriptions')
  @HttpCode(200)
  subscribe(@CurrentUser() user: AuthUser, @Body() dto: SubscribeDto) {
    return this.messages.subscribe(user, dto.templateIds);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('未找到该消息') })) id: string) {
    return this.messages.read(user, id);
  }
}
