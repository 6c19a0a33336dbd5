import { describe, expect, it } from 'vitest';
import { draftEmail, emailTaskTitle, parseEmailTemplate } from '../../src/engine/entry-email';
import { readPipeline } from '../../src/engine/stages';
import { stageEntryTasks } from '../../src/engine/tasks';
import { localOf } from '../../src/engine/zone';

const DEMO_EMAIL =
  '데모 일정 안내: {deal}\r\n{contact}님, 안녕하세요.\r\n{company}의 {stage} 단계로 데모를 준비했습니다.\r\n담당: {owner}';

describe('entry emails', () => {
  it('reads the first line as the subject and the rest as the body, whatever the line ends', () => {
    expect(parseEmailTemplate(`\n\n${DEMO_EMAIL}\n`)).toEqual({
      subject: '데모 일정 안내: {deal}',
      body: '{contact}님, 안녕하세요.\n{company}의 {stage} 단계로 데모를 준비했습니다.\n담당: {owner}',
    });
    expect(parseEmailTemplate('Quote sent')).toEqual({ subject: 'Quote sent', body: '' });
    expect(parseEmailTemplate('')).toBeNull();
  });

  it('fills every placeholder from the deal, keeps unknown braces, blanks a blank field', () => {
    const template = parseEmailTemplate(DEMO_EMAIL);
    if (!template) throw new Error('no template');
    const fields = {
      deal: '보안 솔루션',
      company: '한빛소프트',
      owner: 'minjun.kim@example.com',
      contact: 'lee@hanbit.co.kr',
      stage: '제품 살펴보는 중',
    };
    expect(draftEmail(template, fields)).toEqual({
      subject: '데모 일정 안내: 보안 솔루션',
      body: 'lee@hanbit.co.kr님, 안녕하세요.\n한빛소프트의 제품 살펴보는 중 단계로 데모를 준비했습니다.\n담당: minjun.kim@example.com',
    });
    expect(draftEmail({ subject: '{deal} {price}', body: '{company}' }, { ...fields, company: '' })).toEqual({
      subject: '보안 솔루션 {price}',
      body: '',
    });
  });

  it('becomes an entry task `Email: <subject>` when a deal enters the stage, after its other tasks', () => {
    const stages = readPipeline([
      ['단계', '수주 성공 확률', '완료 조건', '자동 생성 할일', '진입 메일'],
      ['제품 살펴보는 중', '30%', '데모 완료', '데모 준비', DEMO_EMAIL],
      ['미팅 약속 완료', '10%', '', '', ''],
    ]);
    const [demo, meeting] = stages.stages;
    const day = localOf(2023, 11, 15) / 86_400_000;
    const tasks = stageEntryTasks({ id: 'D-1', owner: 'minjun.kim@example.com' }, demo as never, day);
    expect(tasks.map((t) => [t.task, t.source, t.required])).toEqual([
      ['데모 완료', 'exit', true],
      ['데모 준비', 'entry', false],
      ['Email: 데모 일정 안내: {deal}', 'entry', false],
    ]);
    expect(tasks[2]?.key).toBe('D-1|제품 살펴보는 중|2023-11-15|Email: 데모 일정 안내: {deal}');
    expect(emailTaskTitle({ subject: 'Quote', body: '' })).toBe('Email: Quote');
    expect(stageEntryTasks({ id: 'D-1', owner: '' }, meeting as never, day)).toEqual([]);
  });
});
