import { addDays } from '../dates';
import type { Fen } from '../money';
import type { RequestBody } from '../requests';
import { isTrainNo } from '../validation/transport';
import { wallInstant, HOTEL_CHECK_IN } from './rules';
import type { BookingDetail, BookingKind, SetupItem } from './schema';

const MINUTE_MS = 60_000;

/** What a plan line asks for; stored with the booking that satisfies it, compared on re-approval. */
export interface Need {
  startMs: number;
  endMs: number;
  /** Passengers, attendees, covers, rooms or items. */
  count: number;
  nights?: number;
  equipment?: string[];
}

/**
 * One proposed booking made from the request's needs. `proposal` is a whole booking except the
 * catalogue ids, which are 0 until a resource is chosen (the server ranks the candidates).
 */
export interface PlanLine {
  key: string;
  kind: BookingKind;
  proposal: BookingDetail;
  need: Need;
  /** The time was not stated in the request (car trips): the clerk should set it. */
  timeGuessed: boolean;
}

/** Words the plan writes into proposals, in the clerk's language. */
export interface PlanLabels {
  arrivalPoint: string;
  company: string;
  departurePoint: string;
  home: string;
}

export interface PlanFacts {
  body: RequestBody;
  timeZone: string;
  /** The tier's meal cap per head (the policy version the request was approved under). */
  mealCapFen: Fen | null;
  labels: PlanLabels;
}

const MEAL_TIMES = { breakfast: '07:30', lunch: '12:00', dinner: '18:00' } as const;
const MEETING = /会|座谈|洽谈|交流|汇报|签约|meeting|talk|presentation/i;

const hhmmPlus = (time: string, minutes: number): { dayShift: number; time: string } => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  const dayShift = Math.floor(total / 1440);
  const within = ((total % 1440) + 1440) % 1440;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { dayShift, time: `${pad(Math.floor(within / 60))}:${pad(within % 60)}` };
};

/** A date and time moved by some minutes, across midnight if need be. */
export function shiftWall(
  date: string,
  time: string,
  minutes: number,
): { date: string; time: string } {
  const r = hhmmPlus(time, minutes);
  return { date: addDays(date, r.dayShift), time: r.time };
}

/**
 * The visit's booking plan: one line per need the approved request states. Pure; the server adds
 * the free resources that fit each line. Nothing the request asks for is dropped: a line whose
 * time or place is not known gets a guess the clerk sees marked.
 */
export function planLines(facts: PlanFacts): PlanLine[] {
  const { body, timeZone, labels } = facts;
  const needs = body.needs;
  const people = body.visitors.length + body.companions.length;
  const visitors = Math.max(1, body.visitors.length);
  const lines: PlanLine[] = [];
  const arrivalTime = body.arrivalTime || '09:00';
  const departureTime = body.departureTime || '17:00';
  const at = (date: string, time: string) => wallInstant(date, time, timeZone);

  const car = (
    key: string,
    carKind: 'pickup' | 'dropoff' | 'transfer',
    start: { date: string; time: string },
    minutes: number,
    from: string,
    to: string,
    transportNo: string,
    timeGuessed: boolean,
  ) => {
    const end = shiftWall(start.date, start.time, minutes);
    const passengers = Math.max(1, Math.min(60, people));
    lines.push({
      key,
      kind: 'car',
      timeGuessed,
      proposal: {
        kind: 'car',
        carKind,
        vehicleId: 0,
        driverId: 0,
        from,
        to,
        passengers,
        transportNo,
        startDate: start.date,
        startTime: start.time,
        endDate: end.date,
        endTime: end.time,
      },
      need: {
        startMs: at(start.date, start.time),
        endMs: at(end.date, end.time),
        count: passengers,
      },
    });
  };

  if (needs.pickup && body.arrivalDate) {
    car(
      'pickup',
      'pickup',
      { date: body.arrivalDate, time: arrivalTime },
      90,
      needs.pickupPlace || labels.arrivalPoint,
      labels.company,
      needs.arrivalTransportNo,
      body.arrivalTime === '',
    );
  }
  if (needs.dropoff && body.departureDate) {
    car(
      'dropoff',
      'dropoff',
      shiftWall(body.departureDate, departureTime, -120),
      90,
      labels.company,
      needs.dropoffPlace || labels.departurePoint,
      needs.departureTransportNo,
      body.departureTime === '',
    );
  }
  if (body.arrivalDate) {
    const lastDay = body.departureDate || body.arrivalDate;
    for (let i = 0; i < Math.min(needs.carTrips, 10); i++) {
      const day = addDays(body.arrivalDate, i);
      const date = day <= lastDay ? day : lastDay;
      car(
        `trip-${i + 1}`,
        'transfer',
        { date, time: '09:00' },
        120,
        labels.company,
        labels.company,
        '',
        true,
      );
    }
  }

  if (needs.meetingRoom && body.arrivalDate) {
    const setup: { item: SetupItem; responsible: string; done: boolean }[] = [];
    const add = (item: SetupItem, on: boolean) => {
      if (on) setup.push({ item, responsible: '', done: false });
    };
    add('table_cards', needs.tableCards);
    add('name_boards', needs.tableCards);
    add('banner', needs.banner);
    add('welcome_sign', needs.welcomeSign);
    add('projector', needs.equipment.includes('projector'));
    add('photographer', needs.photographer);
    add('tea', true);
    add('fruit', true);

    const items = [...body.itinerary].sort((a, b) =>
      `${a.date} ${a.time}`.localeCompare(`${b.date} ${b.time}`),
    );
    // Items starting together (two lines of one meeting, or untimed ones on a day) are one
    // meeting: one room line, so that every line keeps its own key.
    const starts = new Set<string>();
    const meetings = items.filter((i) => {
      if (!MEETING.test(i.activity) && !MEETING.test(i.place)) return false;
      const start = `${i.date} ${i.time || '09:30'}`;
      if (starts.has(start)) return false;
      starts.add(start);
      return true;
    });
    const slots = meetings.map((m) => {
      const start = { date: m.date, time: m.time || '09:30' };
      const next = items.find(
        (i) => i.date === m.date && i.time !== '' && i.time > start.time && i !== m,
      );
      const end = next ? { date: m.date, time: next.time } : shiftWall(start.date, start.time, 120);
      return { start, end };
    });
    if (slots.length === 0) {
      const start = shiftWall(body.arrivalDate, arrivalTime, 30);
      slots.push({ start, end: shiftWall(start.date, start.time, 120) });
    }
    slots.slice(0, 20).forEach(({ start, end }) => {
      const attendees = Math.max(1, people);
      lines.push({
        key: `room-${start.date}-${start.time}`,
        kind: 'room',
        timeGuessed: meetings.length === 0,
        proposal: {
          kind: 'room',
          roomId: 0,
          attendees,
          setup,
          startDate: start.date,
          startTime: start.time,
          endDate: end.date,
          endTime: end.time,
        },
        need: {
          startMs: at(start.date, start.time),
          endMs: at(end.date, end.time),
          count: attendees,
          equipment: [...needs.equipment].sort(),
        },
      });
    });
  }

  if (needs.hotelNights > 0 && needs.hotelRooms > 0 && body.arrivalDate) {
    const startMs = at(body.arrivalDate, HOTEL_CHECK_IN);
    lines.push({
      key: 'hotel',
      kind: 'hotel',
      timeGuessed: false,
      proposal: {
        kind: 'hotel',
        hotelId: 0,
        roomType: '',
        rooms: needs.hotelRooms,
        checkInDate: body.arrivalDate,
        nights: needs.hotelNights,
        payer: needs.companyPaysLodging ? 'company' : 'visitor',
      },
      need: {
        startMs,
        endMs: at(addDays(body.arrivalDate, needs.hotelNights), '12:00'),
        count: needs.hotelRooms,
        nights: needs.hotelNights,
      },
    });
  }

  // The same meal planned twice on a day (two tables, two groups) is two lines: the second and
  // later ones' keys are numbered, so that every line keeps its own key.
  const mealKeys = new Map<string, number>();
  for (const meal of needs.meals) {
    const covers = Math.max(1, Math.min(500, people));
    const time = MEAL_TIMES[meal.meal];
    const startMs = at(meal.date, time);
    const base = `meal-${meal.date}-${meal.meal}`;
    const nth = (mealKeys.get(base) ?? 0) + 1;
    mealKeys.set(base, nth);
    lines.push({
      key: nth === 1 ? base : `${base}-${nth}`,
      kind: 'restaurant',
      timeGuessed: false,
      proposal: {
        kind: 'restaurant',
        restaurantId: 0,
        privateRoom: '',
        meal: meal.meal,
        date: meal.date,
        time,
        covers,
        perHeadFen: meal.perHeadFen ?? facts.mealCapFen ?? 0,
      },
      need: { startMs, endMs: startMs + 120 * MINUTE_MS, count: covers },
    });
  }

  if (needs.returnTickets && body.departureDate) {
    const startMs = at(body.departureDate, departureTime);
    lines.push({
      key: 'tickets',
      kind: 'ticket',
      timeGuessed: body.departureTime === '',
      proposal: {
        kind: 'ticket',
        mode: isTrainNo(needs.departureTransportNo) ? 'rail' : 'air',
        travellers: body.visitors
          .map((v) => v.name)
          .join('、')
          .slice(0, 200),
        from: labels.departurePoint,
        to: labels.home,
        departDate: body.departureDate,
        departTime: departureTime,
        number: needs.departureTransportNo,
        priceFen: 0,
        ticketStatus: 'to_book',
      },
      need: { startMs, endMs: startMs, count: visitors },
    });
  }

  if (needs.gifts && needs.giftCount > 0 && body.arrivalDate) {
    const startMs = at(body.arrivalDate, '00:00');
    lines.push({
      key: 'gifts',
      kind: 'supply',
      timeGuessed: false,
      proposal: {
        kind: 'supply',
        date: body.arrivalDate,
        items: [{ supplyId: 0, quantity: needs.giftCount }],
      },
      need: { startMs, endMs: startMs, count: needs.giftCount },
    });
  }
  return lines;
}

/** A booking made for a line no longer matches it: the line is gone, or asks for other things. */
export function needChanged(line: PlanLine | undefined, stored: Need | null): boolean {
  if (!line) return true;
  if (!stored) return false;
  return JSON.stringify(normalNeed(line.need)) !== JSON.stringify(normalNeed(stored));
}

const normalNeed = (n: Need): Need => ({
  startMs: n.startMs,
  endMs: n.endMs,
  count: n.count,
  ...(n.nights === undefined ? {} : { nights: n.nights }),
  ...(n.equipment === undefined ? {} : { equipment: [...n.equipment].sort() }),
});
