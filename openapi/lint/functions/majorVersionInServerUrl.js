// The server URL names the major version of info.version: version 1.4.2 lives at /v1
// (API Design Rules /core/uri-version and /core/semver together; docs/adr/0032).
export default function majorVersionInServerUrl(document) {
  const version = document && document.info && document.info.version;
  const servers = (document && document.servers) || [];
  const major = typeof version === 'string' ? version.split('.')[0] : null;
  const problems = [];
  servers.forEach((server, i) => {
    const found = /\/v([0-9]+)(\/|$)/.exec((server && server.url) || '');
    if (!found || found[1] !== major) {
      problems.push({
        message: `server URL ${server && server.url} does not name major version ${major} of info.version ${version}`,
        path: ['servers', i, 'url'],
      });
    }
  });
  return problems;
}
