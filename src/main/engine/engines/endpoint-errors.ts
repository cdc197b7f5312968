import { BerthError } from '../../../shared/errors';
import { toBerthError } from '../core/errors';
import { SshDialError } from './ssh-dial';

/** TLS failures by Node's error code, in words a user can act on. */
const TLS_REASONS: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is not signed by the CA you gave',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is not signed by the CA you gave',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate is not signed by the CA you gave',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed and not the CA you gave',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host name',
};

/** ssh's own words on stderr, mapped to what to do. */
const SSH_REASONS: [RegExp, (host: string) => BerthError][] = [
  [
    /Host key verification failed/i,
    (host) => new BerthError('FORBIDDEN', `The host key of ${host} is not known yet. Check its fingerprint and trust it first.`),
  ],
  [
    /REMOTE HOST IDENTIFICATION HAS CHANGED/i,
    (host) =>
      new BerthError(
        'FORBIDDEN',
        `The host key of ${host} has CHANGED since it was trusted. Someone may be intercepting the connection; check with the host's administrator.`,
      ),
  ],
  [
    /Permission denied/i,
    (host) => new BerthError('UNAUTHORIZED', `ssh refused the login to ${host}: no key it accepts (add your key to the ssh agent or to ~/.ssh/config).`),
  ],
  [/Could not resolve hostname/i, (host) => new BerthError('ENGINE_UNAVAILABLE', `The host name of ${host} could not be resolved.`)],
  [/Connection refused/i, (host) => new BerthError('ENGINE_UNAVAILABLE', `Nothing answers ssh at ${host} (connection refused).`)],
  [/Connection timed out|Operation timed out/i, (host) => new BerthError('ENGINE_UNAVAILABLE', `ssh to ${host} timed out.`)],
  [
    /docker: (command )?not found|docker: No such file/i,
    (host) => new BerthError('ENGINE_UNAVAILABLE', `The docker CLI is not installed on ${host}: ssh engines need it there (docker system dial-stdio).`),
  ],
  [
    /Cannot connect to the Docker daemon|permission denied while trying to connect/i,
    (host) => new BerthError('ENGINE_UNAVAILABLE', `ssh to ${host} works, but the docker engine there is not reachable for that user.`),
  ],
];

/**
 * Why connecting to the endpoint failed, in plain words; anything else as the engine error it is.
 * `tls` says whether the connection spoke TLS: only then is a reset a certificate refusal.
 */
export function endpointFailure(err: unknown, host: string, { tls }: { tls: boolean }): BerthError {
  if (err instanceof BerthError) return err;
  if (err instanceof SshDialError) {
    for (const [pattern, make] of SSH_REASONS) if (pattern.test(err.stderr)) return make(host);
    return new BerthError('ENGINE_UNAVAILABLE', `ssh to ${host} failed: ${err.message}`);
  }
  const e = err as { code?: string; message?: string; statusCode?: number };
  if (e?.code === 'ENOENT' && /spawn/.test(e.message ?? '')) return new BerthError('ENGINE_UNAVAILABLE', 'The ssh command is not installed on this computer.');
  if (e?.code && TLS_REASONS[e.code]) return new BerthError('FORBIDDEN', `The engine at ${host} is not trusted: ${TLS_REASONS[e.code]}.`);
  if (e?.code === 'EACCES')
    return new BerthError(
      'FORBIDDEN',
      `Permission denied on the socket ${host.replace(/^unix:\/\//, '')}: your user may not use this engine (is it in the docker group?).`,
    );
  if (e?.code === 'ENOENT') return new BerthError('ENGINE_UNAVAILABLE', `There is no engine socket at ${host.replace(/^unix:\/\//, '')}.`);
  if (tls && (e?.code === 'ECONNRESET' || /alert|certificate required|handshake/i.test(e?.message ?? ''))) {
    return new BerthError(
      'FORBIDDEN',
      `The engine at ${host} closed the TLS connection: it wants a client certificate it trusts (give the certificate and key it accepts).`,
    );
  }
  if (e?.statusCode === 400 && /HTTP request to an HTTPS server/i.test(e.message ?? '')) {
    return new BerthError('INVALID_INPUT', `The engine at ${host} speaks TLS: give its CA, and your certificate and key.`);
  }
  if (e?.code === 'EPROTO' || /wrong version number|packet length too long/i.test(e?.message ?? '')) {
    return new BerthError('INVALID_INPUT', `The engine at ${host} does not speak TLS: leave out the certificates.`);
  }
  if (e?.code === 'ECONNRESET') return new BerthError('ENGINE_UNAVAILABLE', `The engine at ${host} closed the connection before answering.`);
  return toBerthError(err, { action: `reach ${host}` });
}
