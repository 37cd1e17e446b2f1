# Runs "$@" in folder $1 with every other mount read-only (inside `unshare --user --mount`).
# Remounting inside a user namespace must keep a mount's locked flags, so they are passed on.
folder="$1"; shift
mount --bind "$folder" "$folder" || exit 97
while read -r dev point fs opts rest; do
  case "$point" in /proc|/proc/*|/sys|/sys/*) continue ;; esac
  point=$(printf '%b' "$point")
  [ "$point" = "$folder" ] && continue
  keep=$(echo "$opts" | tr , '\n' | grep -E '^(nosuid|nodev|noexec|relatime|noatime|nodiratime|strictatime)$' | paste -sd, -)
  mount -o "remount,bind,ro${keep:+,$keep}" "$point" 2>/dev/null
done < /proc/self/mounts
cd "$folder" && exec "$@"
