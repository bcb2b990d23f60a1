-- How many of each student's lowest scores a class drops is 0 to 5 (DROP_LOWEST_MAX in lib/domain/drop-lowest.ts,
-- decision 26), so held here as well as by the zod schema: a write from anywhere else (a script, a console) cannot store
-- a rule the app would not accept. Prisma's schema cannot state a CHECK; its migrations leave these alone.
ALTER TABLE "Class" ADD CONSTRAINT "Class_dropLowestQuizzes_check" CHECK ("dropLowestQuizzes" BETWEEN 0 AND 5);
ALTER TABLE "Class" ADD CONSTRAINT "Class_dropLowestDebates_check" CHECK ("dropLowestDebates" BETWEEN 0 AND 5);
