// Preloaded into the CLI by test/determinism/safety.test.ts (`node --import …`): every way Node
// offers to reach the network records the attempt in the file MEDIA_LINT_NETWORK_LOG and fails.
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const log = process.env.MEDIA_LINT_NETWORK_LOG;

function forbidden(what) {
  return function () {
    if (log) appendFileSync(log, `${what}\n`);
    throw new Error(`media-lint must not use the network (${what})`);
  };
}

net.Socket.prototype.connect = forbidden('net.Socket.connect');
net.connect = net.createConnection = forbidden('net.connect');
tls.connect = forbidden('tls.connect');
http.request = http.get = forbidden('http.request');
https.request = https.get = forbidden('https.request');
dgram.createSocket = forbidden('dgram.createSocket');
dns.lookup = dns.resolve = dns.resolve4 = dns.resolve6 = forbidden('dns');
dns.promises.lookup = dns.promises.resolve = forbidden('dns.promises');
globalThis.fetch = forbidden('fetch');
globalThis.WebSocket = forbidden('WebSocket');
syncBuiltinESMExports();
