/** `--allowed-host`, the same flag on the model server and the router: checked once, here. */
import { InputError } from '../../../common/run/inputError';

/** A host name, IPv4 address or [IPv6] address, with an optional port. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The hosts given, lowercased; one that is not a host or host:port is an InputError naming the flag. */
export function allowedHosts(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((value) => {
    if (!HOST.test(value)) {
      throw new InputError('--allowed-host', `expected a host name or address with an optional port, such as model.internal or 10.0.0.5:8001, got "${value}"`);
    }
    return value.toLowerCase();
  });
}
