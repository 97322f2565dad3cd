// The current screen, kept in the URL hash (see routes.ts).
import { parseRoute, routeHash, type Route } from './routes';

class Router {
  current = $state<Route>(parseRoute(window.location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.current = parseRoute(window.location.hash);
    });
  }

  go(route: Route): void {
    window.location.hash = routeHash(route);
  }
}

export const router = new Router();
