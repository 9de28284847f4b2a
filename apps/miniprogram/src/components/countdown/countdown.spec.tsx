import { render, screen } from '@testing-library/react';
import { Countdown, countdownOf, formatSpan } from './index';

const now = new Date('2026-03-10T02:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

describe('countdown', () => {
  it('formats spans with the two largest units', () => {
    expect(formatSpan(12 * 60_000)).toBe('12分');
    expect(formatSpan((3 * 60 + 5) * 60_000)).toBe('3小时5分');
    expect(formatSpan((2 * 1440 + 3 * 60 + 7) * 60_000)).toBe('2天3小时');
    expect(formatSpan(-90 * 60_000)).toBe('1小时30分');
  });

  it('runs the sign-for clock while dispatched and the resolve clock while in progress', () => {
    expect(countdownOf({ status: 'dispatched', signDeadline: at(125), resolveDeadline: at(9000) }, now)).toEqual({ stage: 'sign', text: '签收剩余 2小时5分', overdue: false });
    expect(countdownOf({ status: 'in_progress', signDeadline: at(-10), resolveDeadline: at(-61) }, now)).toEqual({ stage: 'resolve', text: '办结已超时 1小时1分', overdue: true });
    expect(countdownOf({ status: 'accepted', signDeadline: null, resolveDeadline: null }, now).stage).toBeNull();
  });

  it.each([
    ['blue', '正常'],
    ['yellow', '临期'],
    ['red', '超期'],
  ] as const)('shows the server colour %s in words too (%s)', (color, word) => {
    const { container } = render(<Countdown ticket={{ status: 'dispatched', color, signDeadline: at(30) }} now={now} />);
    expect(container.querySelector('.countdown')).toHaveAttribute('data-color', color);
    expect(container.querySelector('.countdown')).toHaveClass(`countdown--${color}`);
    expect(screen.getByText(word)).toBeInTheDocument();
    expect(screen.getByText('签收剩余 30分')).toBeInTheDocument();
  });

  it('renders nothing when no clock runs', () => {
    const { container } = render(<Countdown ticket={{ status: 'resolved', color: null }} now={now} />);
    expect(container.innerHTML).toBe('');
  });
});
