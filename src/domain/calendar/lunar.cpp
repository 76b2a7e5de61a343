#include "domain/calendar/lunar.hpp"

#include <array>
#include <cmath>

namespace motcua::calendar {

// ---------------------------------------------------------------------------------------------
// Astronomy. Formulas after J. Meeus, "Astronomical Algorithms" (2nd ed.): chapter 49 for the
// phases of the moon, chapter 25 (low accuracy) for the sun, and the Espenak & Meeus polynomial
// fits for delta T. Angles are in degrees unless a name says otherwise.
// ---------------------------------------------------------------------------------------------
namespace astro {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kJ2000 = 2451545.0;  // JDE of 2000-01-01T12:00 TT
constexpr double kDaysPerJulianCentury = 36525.0;

// Reduces first, so that the sine of an angle of hundreds of thousands of degrees (the moon's
// anomaly a century from now) loses no precision in the conversion to radians.
double normalize_degrees(double deg) { return deg - 360.0 * std::floor(deg / 360.0); }

double sin_deg(double deg) { return std::sin(normalize_degrees(deg) * kPi / 180.0); }

// A point on the unit circle, e^(i*angle). Products of these add angles, which lets the 25
// new-moon terms below be built from four sine/cosine pairs instead of 25 separate sines.
struct UnitPhasor {
  double cos = 1.0;
  double sin = 0.0;
  UnitPhasor operator*(UnitPhasor o) const {
    return {cos * o.cos - sin * o.sin, sin * o.cos + cos * o.sin};
  }
};

// e^(i*n*angle) for n in -kMaxMultiple..kMaxMultiple.
class Harmonics {
 public:
  static constexpr int kMaxMultiple = 4;
  explicit Harmonics(double deg) {
    const double rad = deg * kPi / 180.0;
    powers_[kMaxMultiple] = UnitPhasor{};
    powers_[kMaxMultiple + 1] = UnitPhasor{std::cos(rad), std::sin(rad)};
    for (int n = 2; n <= kMaxMultiple; ++n) {
      powers_[kMaxMultiple + n] = powers_[kMaxMultiple + n - 1] * powers_[kMaxMultiple + 1];
    }
    for (int n = 1; n <= kMaxMultiple; ++n) {
      const UnitPhasor p = powers_[kMaxMultiple + n];
      powers_[kMaxMultiple - n] = UnitPhasor{p.cos, -p.sin};
    }
  }
  UnitPhasor operator()(int n) const { return powers_[n + kMaxMultiple]; }

 private:
  std::array<UnitPhasor, 2 * kMaxMultiple + 1> powers_{};
};

// The four fundamental arguments of a lunar phase (Meeus 49.4 to 49.7) and the factor E for the
// decreasing eccentricity of the earth's orbit (47.6).
struct PhaseArguments {
  double sun_anomaly;    // M
  double moon_anomaly;   // M'
  double moon_latitude;  // F
  double moon_node;      // Omega
  double eccentricity;   // E
};

PhaseArguments phase_arguments(double k, double t) {
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double t4 = t3 * t;
  return {
      normalize_degrees(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3),
      normalize_degrees(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 -
                        0.000000058 * t4),
      normalize_degrees(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 +
                        0.000000011 * t4),
      normalize_degrees(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3),
      1.0 - 0.002516 * t - 0.0000074 * t2,
  };
}

// One periodic term of the new-moon correction: coefficient (days) * E^e_power *
// sin(m*M + mp*M' + f*F + om*Omega).
struct NewMoonTerm {
  double coefficient;
  int e_power;
  int m;
  int mp;
  int f;
  int om;
};

// Meeus table for the new moon (chapter 49), largest first.
constexpr std::array<NewMoonTerm, 25> kNewMoonTerms{{
    {-0.40720, 0, 0, 1, 0, 0}, {0.17241, 1, 1, 0, 0, 0},    {0.01608, 0, 0, 2, 0, 0},
    {0.01039, 0, 0, 0, 2, 0},  {0.00739, 1, -1, 1, 0, 0},   {-0.00514, 1, 1, 1, 0, 0},
    {0.00208, 2, 2, 0, 0, 0},  {-0.00111, 0, 0, 1, -2, 0},  {-0.00057, 0, 0, 1, 2, 0},
    {0.00056, 1, 1, 2, 0, 0},  {-0.00042, 0, 0, 3, 0, 0},   {0.00042, 1, 1, 0, 2, 0},
    {0.00038, 1, 1, 0, -2, 0}, {-0.00024, 1, -1, 2, 0, 0},  {-0.00017, 0, 0, 0, 0, 1},
    {-0.00007, 0, 2, 1, 0, 0}, {0.00004, 0, 0, 2, -2, 0},   {0.00004, 0, 3, 0, 0, 0},
    {0.00003, 0, 1, 1, -2, 0}, {0.00003, 0, 0, 2, 2, 0},    {-0.00003, 0, 1, 1, 2, 0},
    {0.00003, 0, -1, 1, 2, 0}, {-0.00002, 0, -1, 1, -2, 0}, {-0.00002, 0, 1, 3, 0, 0},
    {0.00002, 0, 0, 4, 0, 0},
}};

double new_moon_periodic_correction(const PhaseArguments& a) {
  const Harmonics m(a.sun_anomaly);
  const Harmonics mp(a.moon_anomaly);
  const Harmonics f(a.moon_latitude);
  const Harmonics om(a.moon_node);
  double sum = 0.0;
  for (const auto& term : kNewMoonTerms) {
    const UnitPhasor angle = m(term.m) * mp(term.mp) * f(term.f) * om(term.om);
    double factor = term.coefficient;
    for (int p = 0; p < term.e_power; ++p) factor *= a.eccentricity;
    sum += factor * angle.sin;
  }
  return sum;
}

// The planetary arguments A1..A14 (Meeus ch. 49): coefficient (days) * sin(base + rate*k).
struct PlanetaryTerm {
  double base;
  double rate;
  double coefficient;
};

constexpr std::array<PlanetaryTerm, 14> kPlanetaryTerms{{
    {299.77, 0.107408, 0.000325},  // A1, which also has a T^2 term added below
    {251.88, 0.016321, 0.000165},
    {251.83, 26.651886, 0.000164},
    {349.42, 36.412478, 0.000126},
    {84.66, 18.206239, 0.000110},
    {141.74, 53.303771, 0.000062},
    {207.14, 2.453732, 0.000060},
    {154.84, 7.306860, 0.000056},
    {34.52, 27.261239, 0.000047},
    {207.19, 0.121824, 0.000042},
    {291.34, 1.844379, 0.000040},
    {161.72, 24.198154, 0.000037},
    {239.56, 25.513099, 0.000035},
    {331.55, 3.592518, 0.000023},
}};

double planetary_correction(double k, double t) {
  double sum = 0.0;
  for (std::size_t i = 0; i < kPlanetaryTerms.size(); ++i) {
    const auto& term = kPlanetaryTerms[i];
    double angle = term.base + term.rate * k;
    if (i == 0) angle -= 0.009173 * t * t;
    sum += term.coefficient * sin_deg(angle);
  }
  return sum;
}

}  // namespace

double new_moon_jde(int lunation) {
  const double k = lunation;
  const double t = k / 1236.85;  // Julian centuries from J2000
  const double t2 = t * t;
  const double mean = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t2 * t +
                      0.00000000073 * t2 * t2;
  return mean + new_moon_periodic_correction(phase_arguments(k, t)) + planetary_correction(k, t);
}

double sun_apparent_longitude(double jde) {
  const double t = (jde - kJ2000) / kDaysPerJulianCentury;
  const double mean_longitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const double anomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const double center = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin_deg(anomaly) +
                        (0.019993 - 0.000101 * t) * sin_deg(2 * anomaly) +
                        0.000289 * sin_deg(3 * anomaly);
  // Aberration and nutation in longitude, the latter through its main term (the moon's node).
  const double node = 125.04 - 1934.136 * t;
  return normalize_degrees(mean_longitude + center - 0.00569 - 0.00478 * sin_deg(node));
}

double delta_t_seconds(double year) {
  if (year < 1900) {
    const double t = year - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t * t * t -
           0.0004473624 * t * t * t * t + t * t * t * t * t / 233174;
  }
  if (year < 1920) {
    const double t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t -
           0.000197 * t * t * t * t;
  }
  if (year < 1941) {
    const double t = year - 1920;
    return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
  }
  if (year < 1961) {
    const double t = year - 1950;
    return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
  }
  if (year < 1986) {
    const double t = year - 1975;
    return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
  }
  if (year < 2005) {
    const double t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
           0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
  }
  if (year < 2050) {
    const double t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const double u = (year - 1820) / 100;
  if (year < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - year);
  return -20 + 32 * u * u;
}

}  // namespace astro

// ---------------------------------------------------------------------------------------------
// From instants to civil days at a fixed offset.
// ---------------------------------------------------------------------------------------------
namespace {

constexpr double kUnixEpochJd = 2440587.5;  // 1970-01-01T00:00 UT
constexpr double kSecondsPerDayF = 86400.0;
constexpr double kMinutesPerDay = 1440.0;
constexpr double kSynodicMonthDays = 29.530588861;
constexpr double kLunationZeroJde = 2451550.09766;  // mean new moon of lunation 0
constexpr double kWinterSolstice = 270.0;
constexpr double kDegreesPerMajorTerm = 30.0;

double delta_t_days(double jd) {
  const double year = 2000.0 + (jd - 2451545.0) / 365.25;
  return astro::delta_t_seconds(year) / kSecondsPerDayF;
}

// The civil day, at the offset, that contains the instant jd_ut (a UT Julian day).
Date local_day_of(double jd_ut, int utc_offset_minutes) {
  const double local_days = jd_ut - kUnixEpochJd + utc_offset_minutes / kMinutesPerDay;
  return Date{static_cast<std::int32_t>(std::floor(local_days))};
}

// The UT Julian day of the local midnight that starts day d.
double local_midnight_jd(Date d, int utc_offset_minutes) {
  return kUnixEpochJd + d.days - utc_offset_minutes / kMinutesPerDay;
}

// Day 1 of the month that begins with new moon number k.
Date month_start(int lunation, int utc_offset_minutes) {
  const double jde = astro::new_moon_jde(lunation);
  return local_day_of(jde - delta_t_days(jde), utc_offset_minutes);
}

double sun_longitude_at_midnight(Date d, int utc_offset_minutes) {
  const double jd_ut = local_midnight_jd(d, utc_offset_minutes);
  return astro::sun_apparent_longitude(jd_ut + delta_t_days(jd_ut));
}

// Which 30° sector the sun is in at the start of day d: a month holds a major term exactly when
// the sector at its first midnight differs from the one at the next month's first midnight.
int major_term_sector(Date d, int utc_offset_minutes) {
  return static_cast<int>(sun_longitude_at_midnight(d, utc_offset_minutes) / kDegreesPerMajorTerm);
}

// Only meaningful for days between November and February, where the sun's longitude is far from
// the 0/360 wrap: true if the winter solstice happened before day d began.
bool winter_solstice_passed(Date d, int utc_offset_minutes) {
  return sun_longitude_at_midnight(d, utc_offset_minutes) >= kWinterSolstice;
}

// An 11th month: the month whose days contain a December solstice.
struct Month11 {
  int year = 0;      // Gregorian year of that solstice
  int lunation = 0;  // new moon number k that starts the month
  Date start;
};

// Walks from a guess (within a month or so of the answer) to the 11th month of that year.
Month11 month11_near(int gregorian_year, int lunation_guess, int utc_offset_minutes) {
  int k = lunation_guess;
  Date start = month_start(k, utc_offset_minutes);
  while (winter_solstice_passed(start, utc_offset_minutes)) {
    start = month_start(--k, utc_offset_minutes);
  }
  Date next = month_start(k + 1, utc_offset_minutes);
  while (!winter_solstice_passed(next, utc_offset_minutes)) {
    ++k;
    start = next;
    next = month_start(k + 1, utc_offset_minutes);
  }
  return {gregorian_year, k, start};
}

Month11 month11_of(int gregorian_year, int utc_offset_minutes) {
  // The last mean new moon before December 31 is at most one lunation off.
  const double dec31_jd = kUnixEpochJd + date_from_ymd(gregorian_year, 12, 31).days;
  const int guess = static_cast<int>(std::floor((dec31_jd - kLunationZeroJde) / kSynodicMonthDays));
  return month11_near(gregorian_year, guess, utc_offset_minutes);
}

Month11 next_month11(const Month11& m, int utc_offset_minutes) {
  return month11_near(m.year + 1, m.lunation + 12, utc_offset_minutes);
}

// A "suì": the months from the 11th month of one year up to (not including) the 11th month of the
// next. It is the unit in which leap months are decided.
struct Sui {
  int end_year = 0;              // Gregorian year of the solstice in the closing 11th month
  int months = 0;                // 12, or 13 when it holds a leap month
  int leap_index = 0;            // index (1..12) of the leap month, 0 if none
  std::array<Date, 14> start{};  // start[i] for i in 0..months; start[months] is the next 11th
};

// In a 13-month suì, the first month (after the opening 11th) whose days hold no major term.
int find_leap_index(const Sui& sui, int utc_offset_minutes) {
  int sector = major_term_sector(sui.start[1], utc_offset_minutes);
  for (int i = 1; i < sui.months; ++i) {
    const int next_sector = major_term_sector(sui.start[i + 1], utc_offset_minutes);
    if (next_sector == sector) return i;
    sector = next_sector;
  }
  return 0;  // unreachable: 13 months share only 12 major terms
}

Sui sui_ending_at(const Month11& end, int utc_offset_minutes) {
  Sui sui;
  sui.end_year = end.year;
  // Lunation end-12 opens the suì unless it already starts after the previous solstice.
  const Date candidate = month_start(end.lunation - 12, utc_offset_minutes);
  sui.months = winter_solstice_passed(candidate, utc_offset_minutes) ? 13 : 12;
  const int first = end.lunation - sui.months;
  for (int i = 0; i < sui.months; ++i) {
    sui.start[i] = i == sui.months - 12 ? candidate : month_start(first + i, utc_offset_minutes);
  }
  sui.start[sui.months] = end.start;
  if (sui.months == 13) sui.leap_index = find_leap_index(sui, utc_offset_minutes);
  return sui;
}

Sui sui_ending_in(int gregorian_year, int utc_offset_minutes) {
  return sui_ending_at(month11_of(gregorian_year, utc_offset_minutes), utc_offset_minutes);
}

struct MonthLabel {
  int year = 0;
  int number = 0;
  bool leap = false;
};

// Index 0 is month 11 of the previous lunar year, then 12, then 1..10 of end_year; the leap month
// repeats the number before it and shifts the rest by one.
MonthLabel label_of(const Sui& sui, int index) {
  const bool after_leap = sui.leap_index != 0 && index >= sui.leap_index;
  const int ordinal = index - (after_leap ? 1 : 0);
  const int number = (ordinal + 10) % 12 + 1;
  const bool leap = sui.leap_index != 0 && index == sui.leap_index;
  return {number >= 11 ? sui.end_year - 1 : sui.end_year, number, leap};
}

bool offset_supported(int utc_offset_minutes) {
  return utc_offset_minutes >= kLunarMinUtcOffsetMinutes &&
         utc_offset_minutes <= kLunarMaxUtcOffsetMinutes;
}

bool year_supported(int lunar_year) {
  return lunar_year >= kLunarFirstYear && lunar_year <= kLunarLastYear;
}

// Where a lunar month lives: the suì holding it and its index there.
struct MonthLocation {
  Sui sui;
  int index = 0;
  int length() const { return sui.start[index + 1] - sui.start[index]; }
};

std::optional<MonthLocation> locate_month(int lunar_year, int month, bool leap,
                                          int utc_offset_minutes) {
  if (!offset_supported(utc_offset_minutes) || !year_supported(lunar_year)) return std::nullopt;
  if (month < 1 || month > 12) return std::nullopt;
  // Months 11 and 12 (and a leap 11 or 12) belong to the suì closing at the next solstice.
  const int end_year = month >= 11 ? lunar_year + 1 : lunar_year;
  MonthLocation loc{sui_ending_in(end_year, utc_offset_minutes)};
  for (int i = 0; i < loc.sui.months; ++i) {
    const MonthLabel label = label_of(loc.sui, i);
    if (label.number == month && label.leap == leap) {
      loc.index = i;
      return loc;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<LunarDate> to_lunar(Date d, int utc_offset_minutes) {
  // A cheap guard well outside the supported years keeps the arithmetic below in range.
  if (!offset_supported(utc_offset_minutes)) return std::nullopt;
  if (d < date_from_ymd(kLunarFirstYear - 1, 1, 1) || d > date_from_ymd(kLunarLastYear + 2, 12, 31))
    return std::nullopt;
  const int year = ymd_of(d).year;
  // Dates on or after this December's 11th month belong to the suì closing next December.
  const Month11 this_month11 = month11_of(year, utc_offset_minutes);
  const Sui sui =
      d < this_month11.start
          ? sui_ending_at(this_month11, utc_offset_minutes)
          : sui_ending_at(next_month11(this_month11, utc_offset_minutes), utc_offset_minutes);
  int index = sui.months - 1;
  while (sui.start[index] > d) --index;
  const MonthLabel label = label_of(sui, index);
  if (!year_supported(label.year)) return std::nullopt;
  return LunarDate{label.year, label.number, d - sui.start[index] + 1, label.leap};
}

std::optional<Date> from_lunar(const LunarDate& l, int utc_offset_minutes) {
  const auto loc = locate_month(l.year, l.month, l.leap, utc_offset_minutes);
  if (!loc || l.day < 1 || l.day > loc->length()) return std::nullopt;
  return loc->sui.start[loc->index] + (l.day - 1);
}

int leap_month_of(int lunar_year, int utc_offset_minutes) {
  if (!offset_supported(utc_offset_minutes) || !year_supported(lunar_year)) return 0;
  // A leap 1..10 sits in the suì closing this December; a leap 11 or 12 in the next one.
  const Sui sui = sui_ending_in(lunar_year, utc_offset_minutes);
  if (sui.leap_index != 0) {
    const MonthLabel label = label_of(sui, sui.leap_index);
    if (label.year == lunar_year) return label.number;
  }
  const Sui next = sui_ending_in(lunar_year + 1, utc_offset_minutes);
  if (next.leap_index != 0) {
    const MonthLabel label = label_of(next, next.leap_index);
    if (label.year == lunar_year) return label.number;
  }
  return 0;
}

std::optional<int> lunar_month_length(int lunar_year, int month, bool leap,
                                      int utc_offset_minutes) {
  const auto loc = locate_month(lunar_year, month, leap, utc_offset_minutes);
  if (!loc) return std::nullopt;
  return loc->length();
}

}  // namespace motcua::calendar
