import { standardUser } from '../render/user';
import { requireLogin } from './lookup';
import { Route } from './route';

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/user',
    service: 'User::Current',
    handle(context) {
      requireLogin(context);
      return { status: 200, body: standardUser(context.render, context.access.user!) };
    },
  },
];
