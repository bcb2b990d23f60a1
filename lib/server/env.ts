import "server-only";
// The app's environment, parsed once. A missing value fails with a sentence, not deep in a request.
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is not set: start the app with `npm start`, which provides one."),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be set (at least 16 characters)."),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // The site's address as users reach it (npm start sets it); links that leave the site, such as a calendar feed's, use it.
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be the site's address, such as https://caravan.example.edu.").optional(),
  TRUSTED_PROXY_HOPS: z.coerce.number({ message: "TRUSTED_PROXY_HOPS must be a whole number of proxies, 1 or more." }).int().min(1, "TRUSTED_PROXY_HOPS must be 1 or more.").default(1),
});

let parsed: z.infer<typeof envSchema> | undefined;

export function env() {
  if (!parsed) {
    const result = envSchema.safeParse(process.env);
    if (!result.success) throw new Error(`Invalid environment: ${result.error.issues.map((i) => i.message).join(" ")}`);
    parsed = result.data;
  }
  return parsed;
}
