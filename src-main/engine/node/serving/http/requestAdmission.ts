/**
 * Admission: the step every request takes after its route is found and before its handler runs,
 * in both servers. Who may call a route is decided here and nowhere else, so a new rule for every
 * door (the Host a request names, where it comes from, how its body is encoded) is one change here.
 */
import { isLoopback } from './httpMessages';
import { requestRefusal, type Refusal } from './requestBody';
import type { Exchange, Route } from './routeTable';

/** Null when the request may go on to its handler, else the refusal to answer with. */
export function admitRequest(exchange: Exchange, route: Route): Refusal | null {
  if (route.access === 'loopback' && !isLoopback(exchange.request.socket.remoteAddress)) {
    return requestRefusal(403, `${exchange.path} answers loopback peers only: it is the admin of a process on this machine`);
  }
  return null;
}
