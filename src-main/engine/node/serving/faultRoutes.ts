/**
 * The model server's fault admin, `/admin/faults`, loopback peers only: read the faults in force,
 * replace them (a body of faults, checked as a scenario's are), or clear them.
 */
import { NO_FAULTS, serverFaultsSchema } from '../../common/scenario/sections/faults';
import type { FaultInjector } from './faultInjector';
import { sendJson } from './http/httpMessages';
import { schemaParser, withJsonBody } from './http/requestBody';
import type { Route } from './http/routeTable';

const PATH = '/admin/faults';
const parseFaults = schemaParser(serverFaultsSchema);

/** GET, PUT and DELETE of `/admin/faults`. */
export function faultRoutes(faults: FaultInjector): Route[] {
  return [
    {
      method: 'GET',
      path: PATH,
      access: 'loopback',
      handle: ({ response }) => sendJson(response, 200, { faults: faults.faults, requests: faults.requests }),
    },
    {
      method: 'PUT',
      path: PATH,
      access: 'loopback',
      handle: withJsonBody(parseFaults, 'expected a JSON body of faults', ({ response }, value) => {
        faults.set(value, 'admin');
        sendJson(response, 200, { faults: faults.faults });
      }),
    },
    {
      method: 'DELETE',
      path: PATH,
      access: 'loopback',
      handle: ({ response }) => {
        faults.set(NO_FAULTS, 'admin');
        sendJson(response, 200, { faults: faults.faults });
      },
    },
  ];
}
