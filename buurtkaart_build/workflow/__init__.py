"""The coordinators' workflow around git: diffs for pull requests, reports for CI, editor schemas."""
