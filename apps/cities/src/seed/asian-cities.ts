import type { CityLevel } from '@c2c/contracts';
import type { RegisterCityCommand } from '../cities/city';

// Demo data: real Asian cities. Populations are census or official estimates for the year given
// (city proper, or the whole province-level city for Beijing, Shanghai, Guangzhou and Chengdu, and
// the prefecture for Tokyo); coordinates are the city centre. Compiled from public sources
// (national statistics offices via Wikipedia); good enough for a demo, not for planning.

type Row = [
  name: string,
  englishName: string,
  localName: string | null,
  countryCode: string,
  region: string | null,
  level: CityLevel,
  population: number,
  populationYear: number,
  latitude: number,
  longitude: number,
  languages: string[],
];

const city = (row: Row): RegisterCityCommand => {
  const [
    name,
    englishName,
    localName,
    countryCode,
    region,
    level,
    population,
    populationYear,
    latitude,
    longitude,
    languages,
  ] = row;
  return {
    name,
    englishName,
    ...(localName === null ? {} : { localName }),
    countryCode,
    ...(region === null ? {} : { region }),
    level,
    population,
    populationYear,
    latitude,
    longitude,
    languages,
  };
};

// One city a line: a table reads better than prettier's one-value-a-line layout.
// prettier-ignore
const rows: Row[] = [
  // Iran
  ['Tehran', 'Tehran', 'تهران', 'IR', 'Tehran Province', 'metropolitan-city', 8_693_706, 2016, 35.6892, 51.389, ['fa']],
  ['Mashhad', 'Mashhad', 'مشهد', 'IR', 'Razavi Khorasan', 'metropolitan-city', 3_001_184, 2016, 36.2972, 59.6067, ['fa']],
  ['Esfahan', 'Isfahan', 'اصفهان', 'IR', 'Isfahan Province', 'metropolitan-city', 1_961_260, 2016, 32.6539, 51.666, ['fa']],
  ['Shiraz', 'Shiraz', 'شیراز', 'IR', 'Fars', 'metropolitan-city', 1_565_572, 2016, 29.5918, 52.5837, ['fa']],
  ['Tabriz', 'Tabriz', 'تبریز', 'IR', 'East Azerbaijan', 'metropolitan-city', 1_558_693, 2016, 38.08, 46.2919, ['fa', 'az']],
  // Japan
  ['Tokyo', 'Tokyo', '東京都', 'JP', 'Kanto', 'prefecture', 14_047_594, 2020, 35.6895, 139.6917, ['ja']],
  ['Yokohama', 'Yokohama', '横浜市', 'JP', 'Kanagawa', 'municipality', 3_777_491, 2020, 35.4437, 139.638, ['ja']],
  ['Osaka', 'Osaka', '大阪市', 'JP', 'Osaka Prefecture', 'municipality', 2_752_412, 2020, 34.6937, 135.5023, ['ja']],
  ['Fukuoka', 'Fukuoka', '福岡市', 'JP', 'Fukuoka Prefecture', 'municipality', 1_612_392, 2020, 33.5902, 130.4017, ['ja']],
  ['Kitakyushu', 'Kitakyushu', '北九州市', 'JP', 'Fukuoka Prefecture', 'municipality', 939_029, 2020, 33.8834, 130.8752, ['ja']],
  // China
  ['Beijing', 'Beijing', '北京市', 'CN', null, 'metropolitan-city', 21_893_095, 2020, 39.9042, 116.4074, ['zh-Hans']],
  ['Shanghai', 'Shanghai', '上海市', 'CN', null, 'metropolitan-city', 24_870_895, 2020, 31.2304, 121.4737, ['zh-Hans']],
  ['Guangzhou', 'Guangzhou', '广州市', 'CN', 'Guangdong', 'metropolitan-city', 18_676_605, 2020, 23.1291, 113.2644, ['zh-Hans']],
  ['Chengdu', 'Chengdu', '成都市', 'CN', 'Sichuan', 'metropolitan-city', 20_937_757, 2020, 30.5728, 104.0668, ['zh-Hans']],
  // South Korea
  ['Seoul', 'Seoul', '서울특별시', 'KR', null, 'metropolitan-city', 9_586_195, 2020, 37.5665, 126.978, ['ko']],
  ['Busan', 'Busan', '부산광역시', 'KR', null, 'metropolitan-city', 3_349_016, 2020, 35.1796, 129.0756, ['ko']],
  ['Incheon', 'Incheon', '인천광역시', 'KR', null, 'metropolitan-city', 2_945_454, 2020, 37.4563, 126.7052, ['ko']],
  // India
  ['Mumbai', 'Mumbai', 'मुंबई', 'IN', 'Maharashtra', 'metropolitan-city', 12_442_373, 2011, 19.076, 72.8777, ['mr', 'hi', 'en']],
  ['Delhi', 'Delhi', 'दिल्ली', 'IN', 'National Capital Territory of Delhi', 'metropolitan-city', 11_034_555, 2011, 28.7041, 77.1025, ['hi', 'en']],
  ['Bengaluru', 'Bangalore', 'ಬೆಂಗಳೂರು', 'IN', 'Karnataka', 'metropolitan-city', 8_443_675, 2011, 12.9716, 77.5946, ['kn', 'en']],
  ['Chennai', 'Chennai', 'சென்னை', 'IN', 'Tamil Nadu', 'metropolitan-city', 4_646_732, 2011, 13.0827, 80.2707, ['ta', 'en']],
  ['Kolkata', 'Kolkata', 'কলকাতা', 'IN', 'West Bengal', 'metropolitan-city', 4_496_694, 2011, 22.5726, 88.3639, ['bn', 'en']],
  // Indonesia
  ['Jakarta', 'Jakarta', null, 'ID', 'Special Capital Region of Jakarta', 'province', 10_562_088, 2020, -6.2088, 106.8456, ['id']],
  ['Surabaya', 'Surabaya', null, 'ID', 'East Java', 'municipality', 2_874_314, 2020, -7.2575, 112.7521, ['id', 'jv']],
  ['Bandung', 'Bandung', null, 'ID', 'West Java', 'municipality', 2_444_160, 2020, -6.9175, 107.6191, ['id', 'su']],
  // Viet Nam
  ['Ha Noi', 'Hanoi', 'Hà Nội', 'VN', null, 'metropolitan-city', 8_053_663, 2019, 21.0278, 105.8342, ['vi']],
  ['Thanh pho Ho Chi Minh', 'Ho Chi Minh City', 'Thành phố Hồ Chí Minh', 'VN', null, 'metropolitan-city', 8_993_082, 2019, 10.8231, 106.6297, ['vi']],
  ['Da Nang', 'Da Nang', 'Đà Nẵng', 'VN', null, 'municipality', 1_134_310, 2019, 16.0544, 108.2022, ['vi']],
  // Thailand
  ['Krung Thep Maha Nakhon', 'Bangkok', 'กรุงเทพมหานคร', 'TH', null, 'metropolitan-city', 5_588_222, 2020, 13.7563, 100.5018, ['th']],
  ['Chiang Mai', 'Chiang Mai', 'เชียงใหม่', 'TH', 'Chiang Mai Province', 'municipality', 127_240, 2019, 18.7883, 98.9853, ['th']],
  // Philippines
  ['Manila', 'Manila', 'Maynila', 'PH', 'Metro Manila', 'municipality', 1_846_513, 2020, 14.5995, 120.9842, ['fil', 'en']],
  ['Quezon City', 'Quezon City', 'Lungsod Quezon', 'PH', 'Metro Manila', 'municipality', 2_960_048, 2020, 14.676, 121.0437, ['fil', 'en']],
  ['Cebu City', 'Cebu City', 'Dakbayan sa Sugbo', 'PH', 'Central Visayas', 'municipality', 964_169, 2020, 10.3157, 123.8854, ['ceb', 'en']],
  // Malaysia
  ['Kuala Lumpur', 'Kuala Lumpur', 'كوالا لومڤور', 'MY', 'Federal Territory of Kuala Lumpur', 'metropolitan-city', 1_982_112, 2020, 3.139, 101.6869, ['ms', 'en']],
  ['George Town', 'George Town', 'جورج تاون', 'MY', 'Penang', 'municipality', 794_313, 2020, 5.4141, 100.3288, ['ms', 'en']],
  // Pakistan
  ['Karachi', 'Karachi', 'کراچی', 'PK', 'Sindh', 'metropolitan-city', 14_916_456, 2017, 24.8607, 67.0011, ['ur', 'sd', 'en']],
  ['Lahore', 'Lahore', 'لاہور', 'PK', 'Punjab', 'metropolitan-city', 11_126_285, 2017, 31.5204, 74.3587, ['ur', 'pa', 'en']],
  // Bangladesh
  ['Dhaka', 'Dhaka', 'ঢাকা', 'BD', 'Dhaka Division', 'metropolitan-city', 8_906_039, 2011, 23.8103, 90.4125, ['bn']],
  ['Chattogram', 'Chittagong', 'চট্টগ্রাম', 'BD', 'Chattogram Division', 'metropolitan-city', 2_592_439, 2011, 22.3569, 91.7832, ['bn']],
  // Nepal, Bhutan, Sri Lanka
  ['Kathmandu', 'Kathmandu', 'काठमाडौं', 'NP', 'Bagmati', 'metropolitan-city', 845_767, 2021, 27.7172, 85.324, ['ne']],
  ['Thimphu', 'Thimphu', 'ཐིམ་ཕུ', 'BT', null, 'municipality', 114_551, 2017, 27.4728, 89.639, ['dz']],
  ['Colombo', 'Colombo', 'කොළඹ', 'LK', 'Western Province', 'municipality', 561_314, 2012, 6.9271, 79.8612, ['si', 'ta']],
  // Central Asia and Mongolia
  ['Ulaanbaatar', 'Ulaanbaatar', 'Улаанбаатар', 'MN', null, 'metropolitan-city', 1_539_810, 2020, 47.8864, 106.9057, ['mn']],
  ['Almaty', 'Almaty', 'Алматы', 'KZ', null, 'metropolitan-city', 1_977_011, 2021, 43.222, 76.8512, ['kk', 'ru']],
  ['Astana', 'Astana', 'Астана', 'KZ', null, 'metropolitan-city', 1_184_469, 2021, 51.1694, 71.4491, ['kk', 'ru']],
  ['Toshkent', 'Tashkent', 'Тошкент', 'UZ', null, 'metropolitan-city', 2_571_668, 2020, 41.2995, 69.2401, ['uz']],
  ['Samarqand', 'Samarkand', 'Самарқанд', 'UZ', 'Samarqand Region', 'municipality', 546_303, 2021, 39.6542, 66.9597, ['uz']],
  // West Asia
  ['Ankara', 'Ankara', null, 'TR', 'Ankara Province', 'metropolitan-city', 5_782_285, 2022, 39.9334, 32.8597, ['tr']],
  ['Riyadh', 'Riyadh', 'الرياض', 'SA', 'Riyadh Province', 'metropolitan-city', 7_009_100, 2022, 24.7136, 46.6753, ['ar']],
  ['Dubai', 'Dubai', 'دبي', 'AE', 'Emirate of Dubai', 'metropolitan-city', 3_331_420, 2019, 25.2048, 55.2708, ['ar', 'en']],
  // Southeast Asia
  ['Singapore', 'Singapore', '新加坡', 'SG', null, 'other', 5_685_807, 2020, 1.3521, 103.8198, ['en', 'zh-Hans', 'ms', 'ta']],
  ['Phnom Penh', 'Phnom Penh', 'ភ្នំពេញ', 'KH', null, 'metropolitan-city', 2_281_951, 2019, 11.5564, 104.9282, ['km']],
  ['Vientiane', 'Vientiane', 'ວຽງຈັນ', 'LA', 'Vientiane Prefecture', 'prefecture', 820_940, 2015, 17.9757, 102.6331, ['lo']],
  ['Yangon', 'Yangon', 'ရန်ကုန်', 'MM', 'Yangon Region', 'metropolitan-city', 5_160_512, 2014, 16.8409, 96.1735, ['my']],
  // East Asia
  ['Taipei', 'Taipei', '臺北市', 'TW', null, 'metropolitan-city', 2_602_418, 2020, 25.033, 121.5654, ['zh-Hant']],
];

/**
 * The cities that play AMF members in the demo, so the commissions have a roll to show: Tehran, the
 * secretariat's seat, and a few others. The forum's real roll is not public data; the rest start as
 * non-members.
 */
export const DEMO_MEMBER_CITIES: readonly string[] = [
  'Tehran',
  'Mashhad',
  'Kitakyushu',
  'Busan',
  'Surabaya',
  'Da Nang',
  'Kathmandu',
  'Almaty',
];

/** The cities `npm start` loads into an empty platform. */
export const ASIAN_CITIES: readonly RegisterCityCommand[] = rows
  .map(city)
  .map((entry) =>
    DEMO_MEMBER_CITIES.includes(entry.name) ? { ...entry, membershipStatus: 'member' as const } : entry,
  );
