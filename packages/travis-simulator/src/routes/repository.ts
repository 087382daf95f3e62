import { standardRepository } from '../render/repository';
import { findRepository } from './lookup';
import { Route } from './route';

export const repositoryRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repo/{repository}',
    service: 'Repository::Find',
    handle(context) {
      const repository = findRepository(context);
      return { status: 200, body: standardRepository(context.render, repository) };
    },
  },
];
