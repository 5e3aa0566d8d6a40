// Composition root: command-line commands first, otherwise the Teams bot host.
return 0;
