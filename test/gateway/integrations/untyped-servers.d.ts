// dynalite and s3rver ship no type declarations; servers.ts types what it uses at the import.
declare module 'dynalite';
declare module 's3rver';
