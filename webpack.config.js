/* Webpack 5 build of the Excel add-in: task pane (also the standalone page) and ribbon commands.
 * `npm run build` → dist/addin/ (production); `npm run dev-server` → https://localhost:3000 with
 * the Office dev certificates (office-addin-dev-certs), as Office requires https for add-ins.
 * exceljs, jszip and the engine are loaded in lazy chunks; heavy work runs in a Web Worker. */
const path = require('node:path');
const fs = require('node:fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/** Content Security Policy of the pages: scripts only from here and the Office CDN, no other network. */
function csp(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}`,
    // Fluent UI (Griffel) inserts <style> rules at run time
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' ${OFFICE_CDN}${dev ? ' wss://localhost:3000 ws://localhost:3000' : ''}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `frame-src 'self' ${OFFICE_CDN}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Copies assets/*.png, the webview check and manifest.xml into the output (no extra dependency needed). */
class CopyStaticPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyStaticPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyStaticPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { RawSource } = compiler.webpack.sources;
        const dir = path.join(__dirname, 'assets');
        for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
          if (!/\.(png|svg|ico)$/.test(f)) continue;
          compilation.emitAsset(`assets/${f}`, new RawSource(fs.readFileSync(path.join(dir, f))));
          compilation.fileDependencies.add(path.join(dir, f));
        }
        // the ES5 check of old Office webviews, served as it is (no bundling: it must run where the bundle cannot)
        const check = path.join(__dirname, 'addin', 'taskpane', 'webview-check.js');
        if (fs.existsSync(check)) {
          compilation.emitAsset('webview-check.js', new RawSource(fs.readFileSync(check)));
          compilation.fileDependencies.add(check);
        }
        const manifest = path.join(__dirname, 'manifest.xml');
        if (fs.existsSync(manifest)) compilation.emitAsset('manifest.xml', new RawSource(fs.readFileSync(manifest)));
      });
    });
  }
}

async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (e) {
    console.warn(`Dev certificates unavailable (${e && e.message}); run "npx office-addin-dev-certs install".`);
    return undefined;
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const certs = serving ? await httpsOptions() : undefined;
  return {
    mode: dev ? 'development' : 'production',
    // no eval-based maps: the CSP forbids eval. Production ships without maps (smaller, faster build).
    devtool: dev ? 'source-map' : false,
    target: 'web',
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      commands: './addin/commands/commands.ts',
    },
    output: {
      path: path.join(__dirname, 'dist', 'addin'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: { chunks: 'async' } },
    plugins: [
      new CopyStaticPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { csp: csp(dev), officeJs: `${OFFICE_CDN}/lib/1/hosted/office.js` },
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './addin/commands/commands.html',
        chunks: ['commands'],
        templateParameters: { csp: csp(dev), officeJs: `${OFFICE_CDN}/lib/1/hosted/office.js` },
        scriptLoading: 'defer',
      }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: certs ? { type: 'https', options: certs } : 'https',
      static: false,
      hot: false,
      client: { overlay: false },
    },
  };
};
