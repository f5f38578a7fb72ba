/** Deadline calendars: written with `ics`, parsed back with ical.js and checked against the plans. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarText, eventUid, foldOctets, REMINDER_DAYS } from '../src/lib/calendar.ts';
import { loadContent } from '../src/lib/pipeline.ts';
import { deadlineDays } from '../src/site/calendar.ts';
import { calendarFile, planCalendarRoutes, unitCalendarRoutes } from '../src/site/routes/calendar.ts';

const twoPlans = await loadContent('examples/with-progress');
const SITE = 'https://plans.example.org/';

/** The events of a calendar as ical.js reads them. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      const start = v.getFirstProperty('dtstart')!;
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description,
        url: v.getFirstPropertyValue('url') as string | null,
        startType: start.type,
        start: event.startDate.toString(),
        end: event.endDate.toString(),
        stamp: String(v.getFirstPropertyValue('dtstamp')),
        alarms: v.getAllSubcomponents('valarm').map((a) => ({
          action: a.getFirstPropertyValue('action'),
          trigger: String(a.getFirstPropertyValue('trigger')),
          description: a.getFirstPropertyValue('description'),
        })),
      };
    }),
  };
}

describe('calendarText', () => {
  const text = calendarText(
    '测试日历',
    [
      { uid: eventUid('p', 'task-2', '2023-06-30'), date: '2023-06-30', summary: '任务 2:二', description: '第一行\n第二行,含逗号;分号', reminder: '提醒' },
      { uid: eventUid('p', 'task-1', '2023-03-31'), date: '2023-03-31', summary: '任务 1:一', description: '一', url: `${SITE}p/tasks/1/`, reminder: '提醒' },
    ],
    '2023-06-30',
  );

  it('writes all-day events on the deadline, oldest first, with a reminder 7 days before', () => {
    const { name, events } = parse(text);
    expect(name).toBe('测试日历');
    expect(events.map((e) => [e.uid, e.startType, e.start, e.end])).toEqual([
      ['p.task-1.2023-03-31@plan-accountability-site', 'date', '2023-03-31', '2023-04-01'],
      ['p.task-2.2023-06-30@plan-accountability-site', 'date', '2023-06-30', '2023-07-01'],
    ]);
    expect(REMINDER_DAYS).toBe(7);
    expect(events.every((e) => e.alarms.length === 1 && e.alarms[0]!.action === 'DISPLAY' && e.alarms[0]!.trigger === '-P7D')).toBe(true);
    expect(events[1]!.description).toBe('第一行\n第二行,含逗号;分号');
    expect(events[0]!.url).toBe(`${SITE}p/tasks/1/`);
    expect(events.every((e) => e.stamp === '2023-06-30T00:00:00Z')).toBe(true);
  });

  it('ends every line with CRLF and folds it at 75 octets, never inside a character', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const long = foldOctets(`SUMMARY:${'燃气'.repeat(60)}`);
    const lines = long.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`SUMMARY:${'燃气'.repeat(60)}`);
  });

  it('is a calendar still when there are no deadlines', () => {
    expect(parse(calendarText('空', [], '2023-01-01')).events).toEqual([]);
  });
});

describe('/<plan>/calendar.ics and /units/<unit>/calendar.ics', () => {
  const plan = twoPlans.plans.find((p) => p.id === '2023-work-safety')!;
  const route = planCalendarRoutes(twoPlans, SITE).find((r) => r.params.slug === '2023-work-safety')!;

  it('has one event per dated deadline of the plan, with the task number, title, units and URL', () => {
    const { name, events } = parse(calendarFile(route.props));
    expect(name).toBe('2023年全县安全生产工作要点(示例) 任务时限');
    const expected = plan.document.tasks.flatMap((t) => deadlineDays(t).map((d) => d.date)).sort();
    expect(events.map((e) => e.start)).toEqual(expected);
    expect(expected).toEqual(['2023-03-31', '2023-05-31', '2023-06-30', '2023-09-30', '2023-12-31']);
    const task4 = events.find((e) => e.start === '2023-06-30')!;
    expect(task4.summary).toMatch(/^【时限】任务 4:全面排查老旧小区燃气管道隐患/);
    expect(task4.description).toContain('牵头:县住房和城乡建设局');
    expect(task4.url).toBe(`${SITE}2023-work-safety/tasks/4/`);
    expect(task4.stamp).toBe('2023-06-30T00:00:00Z');
  });

  it('keeps its UIDs from build to build, and no two alike', () => {
    const again = parse(calendarFile(planCalendarRoutes(twoPlans, SITE).find((r) => r.params.slug === '2023-work-safety')!.props)).events;
    const uids = parse(calendarFile(route.props)).events.map((e) => e.uid);
    expect(again.map((e) => e.uid)).toEqual(uids);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids).toContain('2023-work-safety.task-4.2023-06-30@plan-accountability-site');
  });

  it('carries paths, not made-up addresses, when the site’s address is not known', () => {
    const events = parse(calendarFile(planCalendarRoutes(twoPlans).find((r) => r.params.slug === '2023-work-safety')!.props)).events;
    expect(events.every((e) => e.url === null)).toBe(true);
    expect(events[0]!.description).toMatch(/任务页面:\/2023-work-safety\/tasks\/\d+\/$/);
  });

  it('gives a unit its deadlines in every plan, with its role', () => {
    const unit = unitCalendarRoutes(twoPlans, SITE).find((r) => r.params.unit === 'zhujian')!;
    const { name, events } = parse(calendarFile(unit.props));
    expect(name).toBe('县住房和城乡建设局 任务时限');
    // 县住建局 has dated deadlines in 2023 only; 县应急管理局 in both years.
    expect(events.map((e) => e.url)).toEqual([`${SITE}2023-work-safety/tasks/8/`, `${SITE}2023-work-safety/tasks/4/`]);
    const yingji = parse(calendarFile(unitCalendarRoutes(twoPlans, SITE).find((r) => r.params.unit === 'yingji')!.props)).events;
    expect(yingji.map((e) => e.url?.replace(SITE, ''))).toEqual(['2022-work-safety/tasks/25/', '2023-work-safety/tasks/8/', '2023-work-safety/tasks/3/']);
    const task4 = events.find((e) => e.url === `${SITE}2023-work-safety/tasks/4/`)!;
    expect(task4.description).toContain('角色:牵头');
    expect(task4.uid).toBe('2023-work-safety.task-4.2023-06-30.zhujian@plan-accountability-site');
    // The newest "as of" of the two plans.
    expect(task4.stamp).toBe('2023-06-30T00:00:00Z');
  });
});
