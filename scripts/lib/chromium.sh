# Sourced by scripts/test.sh: Debian's headless Chromium for the browser test of /api/docs
# (ApiDocsBrowserTests), installed from the Debian packages when missing, like PostgreSQL; Playwright
# drives it with its bundled driver, and no browser is downloaded. SKILLHUB_TEST_CHROMIUM names it.

ensure_chromium() {
  if [ ! -x /usr/lib/chromium/chromium ]; then
    echo "==> Installation de Chromium (paquet Debian chromium)…"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  export SKILLHUB_TEST_CHROMIUM=/usr/lib/chromium/chromium
}
