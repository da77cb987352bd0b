// The VS Code client: starts `lovsjekk lsp` for .regel files and talks to it
// over stdio. Everything else (diagnostics, hover, definition, outline,
// formatting) comes from the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

async function startClient() {
  const config = vscode.workspace.getConfiguration('lovsjekk');
  const command = config.get('path', 'lovsjekk');
  const args = ['lsp', ...config.get('arguments', [])];
  // No `transport`: stdio is the default for an executable, and naming it
  // would add a `--stdio` argument (which `lovsjekk lsp` accepts all the same).
  const serverOptions = { run: { command, args }, debug: { command, args } };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'regel' },
      { scheme: 'untitled', language: 'regel' },
    ],
    outputChannelName: 'lovsjekk',
  };
  client = new LanguageClient('lovsjekk', 'lovsjekk', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `lovsjekk: could not start '${command} lsp' (${error.message}). Set "lovsjekk.path" to the lovsjekk executable.`,
    );
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // A new path or new options take effect in a fresh server.
      if (!event.affectsConfiguration('lovsjekk')) return;
      if (client) await client.stop();
      await startClient();
    }),
  );
  await startClient();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
