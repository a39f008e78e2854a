// Entry point placeholder while the CLI is assembled in this session; replaced by the command tree.
return 0;
