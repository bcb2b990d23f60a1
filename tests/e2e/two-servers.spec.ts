// Two app processes behind a local reverse proxy (Debian's nginx) on one database: a session, the sign-in
// rate limit and an in-progress attempt all work across both, because no state lives in a process.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, projectRoot } from "../../scripts/lib/database.ts";
import { startAppServer, type AppServer } from "../../scripts/lib/app-server.ts";
import { test, expect, createUser, databaseUrl } from "./support";

const nginxBinary = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

test("a session, the rate limit and an attempt work across two app processes behind nginx", async ({ playwright, sql }) => {
  test.setTimeout(120_000);
  expect(existsSync(nginxBinary), `nginx is needed at ${nginxBinary} (apt-get install nginx-light; .ci/run installs it)`).toBe(true);
  const servers: AppServer[] = [];
  let nginx: ChildProcess | undefined;
  try {
    servers.push(await startAppServer({ databaseUrl: databaseUrl(), quiet: true }), await startAppServer({ databaseUrl: databaseUrl(), quiet: true }));
    const port = await freePort();
    const prefix = path.join(projectRoot, ".data", `nginx-${port}`);
    mkdirSync(path.join(prefix, "logs"), { recursive: true });
    const config = path.join(prefix, "nginx.conf");
    writeFileSync(config, `
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  upstream caravan { server 127.0.0.1:${servers[0].port}; server 127.0.0.1:${servers[1].port}; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://caravan;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      add_header X-Upstream $upstream_addr always;
    }
  }
}`);
    nginx = spawn(nginxBinary, ["-p", prefix, "-c", config], { stdio: "ignore" });
    const base = `http://localhost:${port}`;
    await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 15_000 }).toBe(200);

    const student = await createUser(sql, "STUDENT", "two-servers-password");
    const request = await playwright.request.newContext({ baseURL: base });
    const upstreams = new Set<string>();
    const seen = (response: { headers(): Record<string, string> }) => upstreams.add(response.headers()["x-upstream"]);

    // Sign in through one process; every later request may land on either and is still signed in.
    const csrf = await request.get("/api/auth/csrf");
    seen(csrf);
    const signIn = await request.post("/api/auth/callback/credentials", { form: { csrfToken: (await csrf.json()).csrfToken, email: student.email, password: "two-servers-password", json: "true" } });
    seen(signIn);
    for (let i = 0; i < 4; i++) {
      const session = await request.get("/api/auth/session");
      seen(session);
      expect((await session.json()).user?.email).toBe(student.email);
    }

    // An attempt started on one process is resumed, saved and submitted across both.
    const started = await request.post("/api/quizzes/timeline-quiz/attempts", { data: {} });
    seen(started);
    const { attemptId } = await started.json();
    const { rows: [{ questionVersionIds }] } = await sql.query(`SELECT "questionVersionIds" FROM "QuizAttempt" WHERE id = $1`, [attemptId]);
    const { rows: [tf] } = await sql.query(`SELECT id FROM "QuestionVersion" WHERE id = ANY($1::uuid[]) AND type = 'truefalse' LIMIT 1`, [questionVersionIds]);
    const saved = await request.put(`/api/attempts/${attemptId}/answers/${tf.id}`, { data: { response: { value: true } } });
    seen(saved);
    expect(saved.status()).toBe(200);
    for (let i = 0; i < 2; i++) {
      const again = await request.post("/api/quizzes/timeline-quiz/attempts", { data: {} });
      seen(again);
      expect(await again.json()).toEqual({ attemptId, resumed: true });
    }
    const submitted = await request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } });
    seen(submitted);
    expect(submitted.status()).toBe(200);
    expect(upstreams.size).toBe(2);

    // Failed sign-ins counted on both processes lock the account on both.
    const victim = await createUser(sql, "STUDENT", "victim-password-1");
    const attacker = await playwright.request.newContext({ baseURL: base });
    // One token for every try, so each try is one request and nginx's round robin sends them to each process in turn.
    const token = (await (await attacker.get("/api/auth/csrf")).json()).csrfToken;
    const signInAs = async (password: string) => {
      const response = await attacker.post("/api/auth/callback/credentials", { form: { csrfToken: token, email: victim.email, password, json: "true" } });
      return { upstream: response.headers()["x-upstream"], url: decodeURIComponent((await response.json()).url) };
    };
    const failures = [];
    for (let i = 0; i < 5; i++) failures.push(await signInAs(`wrong-${i}`));
    expect(new Set(failures.map((f) => f.upstream)).size).toBe(2);
    for (const failure of failures) expect(failure.url).not.toMatch(/Too many failed sign-ins/);
    // Neither process saw five failures itself; together they did, so the right password is refused on both.
    const rightPassword = [await signInAs("victim-password-1"), await signInAs("victim-password-1")];
    expect(new Set(rightPassword.map((r) => r.upstream)).size).toBe(2);
    for (const refused of rightPassword) expect(refused.url).toMatch(/Too many failed sign-ins/);
    await request.dispose();
    await attacker.dispose();
  } finally {
    nginx?.kill("SIGTERM");
    for (const server of servers) await server.stop();
  }
});
