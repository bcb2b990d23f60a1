// Whether `npm start` creates the demo accounts, whose passwords the README publishes: for a trial on this machine
// (the embedded database, no NEXTAUTH_SECRET given), never where a secret says it is a real deployment, unless asked.
export function wantsDemoAccounts(options: { embeddedDatabase: boolean; secretGiven: boolean; setting: string | undefined }): boolean {
  if (options.setting === "0") return false;
  if (options.setting === "1") return true;
  return options.embeddedDatabase && !options.secretGiven;
}
