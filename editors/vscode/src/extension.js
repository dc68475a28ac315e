// The Charter extension: starts `charter lsp` (the path from `charter.path`)
// and connects it to VS Code with vscode-languageclient.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration('charter');
  const command = config.get('path') || 'charter';
  const args = ['lsp'];
  const stdlib = config.get('stdlib');
  if (stdlib) args.push('--stdlib', stdlib);
  return { command, args, transport: TransportKind.stdio };
}

async function start() {
  client = new LanguageClient('charter', 'Charter', serverOptions(), {
    documentSelector: [{ scheme: 'file', language: 'charter' }, { scheme: 'untitled', language: 'charter' }],
  });
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('charter.restartServer', async () => {
      if (client) await client.stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('charter.path') || e.affectsConfiguration('charter.stdlib')) {
        await vscode.commands.executeCommand('charter.restartServer');
      }
    }));
  await start();
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
