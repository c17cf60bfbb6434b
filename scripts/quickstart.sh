#!/usr/bin/env bash
# The quick start, end to end, on a fresh machine (Node 20 + npm): set up, then run the Pacto flow
# against a local OCI registry this script starts and stops. Without docker-registry it publishes to
# an OCI image-layout directory instead (oci-layout://).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

bash scripts/setup.sh

work=$(mktemp -d "${TMPDIR:-/tmp}/pacto-quickstart.XXXXXX")
registry_pid=
cleanup() {
  if [ -n "$registry_pid" ]; then kill "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

pacto() { node "$repo/packages/cli/dist/pacto.js" "$@"; }
step() { printf '\n\033[1m$ pacto %s\033[0m\n' "$*"; pacto "$@"; }
export PACTO_NO_UPDATE_CHECK=1 PACTO_CACHE_DIR="$work/cache" XDG_CONFIG_HOME="$work/config"
cd "$work"

step init demo
step validate demo
step explain demo

if [ -x /usr/bin/docker-registry ]; then
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  mkdir -p "$work/registry"
  cat > "$work/registry/config.yml" <<YAML
version: 0.1
storage:
  filesystem:
    rootdirectory: $work/registry/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
log:
  level: error
YAML
  /usr/bin/docker-registry serve "$work/registry/config.yml" >"$work/registry/log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
  target="oci://127.0.0.1:$port/acme/demo-pacto"
  echo; echo "(local registry on 127.0.0.1:$port, pid $registry_pid)"
else
  target="oci-layout://$work/layout/acme/demo-pacto"
  echo; echo "(no docker-registry here: publishing to an OCI image layout in $work/layout)"
fi

step pack demo -o demo-0.1.0.tar.gz
step push "$target" -p demo
step pull "$target:0.1.0" -o pulled
diff -r demo pulled && echo "pulled bundle is identical to the source"

# A second version that changes the port: diff classifies it as breaking (exit 1).
cp -r demo demo-v2
sed -i 's/version: 0.1.0/version: 0.2.0/; s/port: 8080/port: 9090/' demo-v2/pacto.yaml
set +e
step diff demo demo-v2
echo "(diff exit code: $? — 1 means breaking changes)"
set -e
step doc demo | head -n 20
echo; echo "Quick start finished."
