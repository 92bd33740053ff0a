#!/usr/bin/env bash
# Builds the petstore sample's git history in DIR: app/ is release v1.0.0, and each
# releases/vX.Y.Z.patch (git format-patch) is applied on top and tagged vX.Y.Z.
#   v1.0.0  owners and their pets
#   v1.1.0  renames pet.species to kind in place        -> rolling back to v1.0.0 is NO_GO
#   v1.2.0  expands owner.name into owner.full_name      -> rolling back to v1.1.0 is GO
#   v1.3.0  contracts: drops owner.name                  -> rolling back to v1.2.0 is GO
# Usage: build-history.sh DIR   (DIR must not exist or be empty)
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 DIR   (a new folder for the sample's git repository)" >&2
    exit 2
fi
sample="$(cd "$(dirname "$0")" && pwd)"
dir="$1"
if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "$0: $dir is not empty; give a new folder" >&2
    exit 2
fi
mkdir -p "$dir"
cp -R "$sample/app/." "$dir/"

# a fixed identity and clock: the same history (and commit ids) on every machine
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Petstore GIT_AUTHOR_EMAIL=dev@petstore.example
export GIT_COMMITTER_NAME=Petstore GIT_COMMITTER_EMAIL=dev@petstore.example
export GIT_AUTHOR_DATE="2026-01-05T10:00:00Z" GIT_COMMITTER_DATE="2026-01-05T10:00:00Z"

cd "$dir"
git init -q -b main
printf 'target/\n' > .gitignore
git add -A
git commit -q -m "v1.0.0: owners and their pets"
git tag v1.0.0
for patch in "$sample"/releases/v*.patch; do
    # each patch carries its release's date
    git am -q --committer-date-is-author-date "$patch"
    git tag "$(basename "$patch" .patch)"
done
echo "petstore history in $dir: $(git tag | tr '\n' ' ')"
