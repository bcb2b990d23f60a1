-- CreateTable
CREATE TABLE "ClassCoTeacher" (
    "classId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassCoTeacher_pkey" PRIMARY KEY ("classId","userId")
);

-- CreateIndex
CREATE INDEX "ClassCoTeacher_userId_idx" ON "ClassCoTeacher"("userId");

-- AddForeignKey
ALTER TABLE "ClassCoTeacher" ADD CONSTRAINT "ClassCoTeacher_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassCoTeacher" ADD CONSTRAINT "ClassCoTeacher_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
