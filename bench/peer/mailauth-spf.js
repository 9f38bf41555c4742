// SPDX-License-Identifier: Apache-2.0
// The peer of bench/run's check_dns_vs_peer: one whole Node process that evaluates SPF with mailauth
// (the library many mail servers use) for one domain and one client address, asking only the given
// DNS server, as `check-dns --resolver` does. Prints mailauth's result line; exit 0 on "pass".
//
//   node mailauth-spf.js --server 127.0.0.1:PORT --domain D --ip ADDRESS [--version]
'use strict';

const args = process.argv.slice(2);
const option = name => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
};
const path = require('node:path');
const peerDir = process.env.PEER_DIR || path.join(__dirname, '..', '..', 'target', 'peer');
const resolve = name => require.resolve(name, { paths: [peerDir] });

if (args.includes('--version')) {
    console.log(`${require(resolve('mailauth/package.json')).version} (Node ${process.version})`);
    process.exit(0);
}

const { Resolver } = require('node:dns').promises;
const { spf } = require(resolve('mailauth/lib/spf'));

// One resolver for this evaluation, asking only the benchmark's server (like --resolver), one try
// with the same 5 s limit as check-dns's default.
const resolver = new Resolver({ timeout: 5000, tries: 1 });
resolver.setServers([option('--server')]);

spf({
    sender: 'postmaster@' + option('--domain'),
    ip: option('--ip'),
    helo: 'mail.' + option('--domain'),
    mta: 'bench.local',
    resolver: (name, type) => resolver.resolve(name, type)
}).then(result => {
    console.log(result.header);
    process.exit(result.status.result === 'pass' ? 0 : 1);
}, err => {
    console.error(err);
    process.exit(3);
});
