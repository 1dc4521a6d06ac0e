"""Commands for developers: comparing builds, the Zensical canary, outdated packages."""
