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
  /** @param {{ manifest?: string }} options the add-in manifest to write (else the repository's manifest.xml) */
  constructor(options = {}) {
    this.manifest = options.manifest;
  }

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
        if (this.manifest !== undefined) compilation.emitAsset('manifest.xml', new RawSource(this.manifest));
        else if (fs.existsSync(manifest)) compilation.emitAsset('manifest.xml', new RawSource(fs.readFileSync(manifest)));
      });
    });
  }
}

/** Files the offline page never needs: the Office manifest, the ribbon's command page, maps, licences. */
const NOT_PRECACHED = /(^manifest\.xml$|^commands\.|\.map$|\.LICENSE\.txt$|^sw\.js$)/;

/**
 * The standalone page offline and installable: writes manifest.webmanifest (web app manifest with
 * the icons of assets/) and sw.js from addin/offline/sw.js with the build's version and the list of
 * its files, taken from the compilation's assets after their hashed names are final (the app shell,
 * the engine, the compute worker, every lazy chunk). No dependency beyond webpack.
 */
class OfflinePlugin {
  /** @param {{ serviceWorker: boolean }} options no service worker in development (it would serve stale files) */
  constructor(options) {
    this.serviceWorker = options.serviceWorker;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('OfflinePlugin', (compilation) => {
      const { RawSource } = compiler.webpack.sources;
      compilation.hooks.processAssets.tap({ name: 'OfflinePlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const icon = (size) => ({ src: `assets/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' });
        const webManifest = {
          name: 'Chấm điểm CCHC (PAR INDEX, SIPAS)',
          short_name: 'Chấm điểm CCHC',
          description: 'Chấm điểm Chỉ số cải cách hành chính và Chỉ số hài lòng trên máy, không cần mạng (PAR INDEX and SIPAS scoring, offline).',
          lang: 'vi',
          start_url: 'taskpane.html',
          scope: './',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#1F6E43',
          icons: [64, 128, 192, 512].filter((n) => fs.existsSync(path.join(__dirname, 'assets', `icon-${n}.png`))).map(icon),
        };
        compilation.emitAsset('manifest.webmanifest', new RawSource(JSON.stringify(webManifest, null, 2)));
      });
      if (!this.serviceWorker) return;
      // after the real content hashes are in the names (PROCESS_ASSETS_STAGE_OPTIMIZE_HASH)
      compilation.hooks.processAssets.tap({ name: 'OfflinePlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const template = path.join(__dirname, 'addin', 'offline', 'sw.js');
        compilation.fileDependencies.add(template);
        const files = compilation
          .getAssets()
          .map((a) => a.name)
          .filter((n) => !NOT_PRECACHED.test(n))
          .sort();
        const hash = require('node:crypto').createHash('sha256');
        for (const n of files) hash.update(n).update('\0').update(compilation.getAsset(n).source.buffer()).update('\0');
        const version = hash.digest('hex').slice(0, 16);
        const source = fs
          .readFileSync(template, 'utf8')
          .replace("'__PARINDEX_VERSION__'", JSON.stringify(version))
          .replace('/* __PARINDEX_PRECACHE__ */ []', JSON.stringify(files));
        compilation.emitAsset('sw.js', new RawSource(source));
      });
    });
  }
}

/** The add-in manifest of a production build for ADDIN_BASE_URL (undefined: the repository's, on localhost). */
async function hostedManifest() {
  const text = process.env.ADDIN_BASE_URL && process.env.ADDIN_BASE_URL.trim();
  if (!text) return undefined;
  const { normalizeBase, manifestXml, addinVersion } = await import('./scripts/addin-manifest.mjs');
  const n = normalizeBase(text);
  if (n.error) throw new Error(n.error);
  const version = addinVersion();
  console.log(`manifest.xml: ${n.base}/ — phiên bản (version) ${version}`);
  return manifestXml({ base: n.base, version });
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
  const manifest = await hostedManifest();
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
      // ADDIN_OUT_DIR: another folder (tests build there so as not to replace dist/addin under others)
      path: process.env.ADDIN_OUT_DIR ? path.resolve(process.env.ADDIN_OUT_DIR) : path.join(__dirname, 'dist', 'addin'),
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
      new CopyStaticPlugin(manifest === undefined ? {} : { manifest }),
      new OfflinePlugin({ serviceWorker: !dev }),
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
