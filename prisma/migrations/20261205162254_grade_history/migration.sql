-- CreateEnum
CREATE TYPE "GradeChangeKind" AS ENUM ('EXCUSED', 'UNEXCUSED', 'SCORE_SET', 'SCORE_CLEARED', 'COMMENT_CHANGED', 'DEBATE_GRADED');

-- CreateTable
CREATE TABLE "GradeChange" (
    "id" UUID NOT NULL,
    "classId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "changedById" UUID NOT NULL,
    "assignmentId" UUID,
    "debateResponseId" UUID,
    "itemTitle" TEXT NOT NULL,
    "kind" "GradeChangeKind" NOT NULL,
    "percentBefore" DOUBLE PRECISION,
    "percentAfter" DOUBLE PRECISION,
    "commentBefore" TEXT,
    "commentAfter" TEXT,
    "pointsBefore" INTEGER,
    "maxPointsBefore" INTEGER,
    "pointsAfter" INTEGER,
    "maxPointsAfter" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GradeChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GradeChange_classId_createdAt_idx" ON "GradeChange"("classId", "createdAt");

-- CreateIndex
CREATE INDEX "GradeChange_classId_studentId_createdAt_idx" ON "GradeChange"("classId", "studentId", "createdAt");

-- CreateIndex
CREATE INDEX "GradeChange_assignmentId_idx" ON "GradeChange"("assignmentId");

-- CreateIndex
CREATE INDEX "GradeChange_studentId_idx" ON "GradeChange"("studentId");

-- CreateIndex
CREATE INDEX "GradeChange_changedById_idx" ON "GradeChange"("changedById");

-- AddForeignKey
ALTER TABLE "GradeChange" ADD CONSTRAINT "GradeChange_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeChange" ADD CONSTRAINT "GradeChange_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeChange" ADD CONSTRAINT "GradeChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeChange" ADD CONSTRAINT "GradeChange_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
