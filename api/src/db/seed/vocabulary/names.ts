/** People and company names for the demo data: varied on purpose, including Chinese names. */

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Steven', 'Ashley',
  'Andrew', 'Emily', 'Joshua', 'Michelle', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'Ryan', 'Rebecca',
  'Jacob', 'Laura', 'Nicholas', 'Hannah', 'Tyler', 'Olivia', 'Ethan', 'Sophia', 'Noah', 'Chloe',
  'Liam', 'Grace', 'Lucas', 'Zoe', 'Mateo', 'Isabella', 'Santiago', 'Valentina', 'José', 'Lucía',
  'Arjun', 'Priya', 'Rahul', 'Ananya', 'Vikram', 'Aisha', 'Omar', 'Fatima', 'Yusuf', 'Leila',
  'Kenji', 'Yuki', 'Hiroshi', 'Sakura', 'Min-jun', 'Ji-woo', 'Chinedu', 'Amara', 'Kwame', 'Nia',
  'Lars', 'Ingrid', 'Sven', 'Freya', 'Pierre', 'Camille', 'Luca', 'Giulia', 'Dmitri', 'Anya',
  'Seán', 'Siobhan', 'Rhys', 'Megan', 'Finn', 'Maya', 'Elijah', 'Aaliyah', 'Xavier', 'Renée',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Patel', 'Shah', 'Singh', 'Kumar', 'Khan', 'Ali', 'Haddad', 'Nakamura', 'Tanaka', 'Sato',
  'Kim', 'Park', 'Choi', 'Okafor', 'Mensah', 'Adeyemi', 'Johansson', 'Lindqvist', 'Dubois', 'Moreau',
  'Rossi', 'Bianchi', 'Ivanov', 'Petrova', "O'Brien", 'Murphy', 'Kelly', 'Evans', 'Müller', 'Schmidt',
] as const;

/** [simplified, traditional, pinyin] */
export type ChineseName = readonly [string, string, string];

export const CHINESE_SURNAMES: readonly ChineseName[] = [
  ['王', '王', 'wang'], ['李', '李', 'li'], ['张', '張', 'zhang'], ['刘', '劉', 'liu'], ['陈', '陳', 'chen'],
  ['杨', '楊', 'yang'], ['黄', '黃', 'huang'], ['赵', '趙', 'zhao'], ['吴', '吳', 'wu'], ['周', '周', 'zhou'],
  ['林', '林', 'lin'], ['郭', '郭', 'guo'], ['何', '何', 'he'], ['高', '高', 'gao'], ['罗', '羅', 'luo'],
  ['郑', '鄭', 'zheng'], ['梁', '梁', 'liang'], ['谢', '謝', 'xie'], ['宋', '宋', 'song'], ['许', '許', 'xu'],
];

export const CHINESE_GIVEN_NAMES: readonly ChineseName[] = [
  ['伟', '偉', 'wei'], ['芳', '芳', 'fang'], ['娜', '娜', 'na'], ['敏', '敏', 'min'], ['静', '靜', 'jing'],
  ['丽', '麗', 'li'], ['强', '強', 'qiang'], ['磊', '磊', 'lei'], ['军', '軍', 'jun'], ['洋', '洋', 'yang'],
  ['勇', '勇', 'yong'], ['艳', '艷', 'yan'], ['杰', '傑', 'jie'], ['涛', '濤', 'tao'], ['明', '明', 'ming'],
  ['秀英', '秀英', 'xiuying'], ['欣怡', '欣怡', 'xinyi'], ['志明', '志明', 'zhiming'], ['美玲', '美玲', 'meiling'],
  ['家豪', '家豪', 'jiahao'], ['雅婷', '雅婷', 'yating'], ['子轩', '子軒', 'zixuan'], ['浩然', '浩然', 'haoran'],
  ['建华', '建華', 'jianhua'], ['晓东', '曉東', 'xiaodong'], ['佳怡', '佳怡', 'jiayi'], ['俊杰', '俊傑', 'junjie'],
];

export const COMPANY_PREFIXES = [
  'Blue', 'North', 'Summit', 'Apex', 'Cedar', 'Harbor', 'Pioneer', 'Bright', 'Silver', 'Granite',
  'Evergreen', 'Nova', 'Atlas', 'Lumen', 'Vertex', 'Orchid', 'Redwood', 'Sterling', 'Horizon', 'Keystone',
  'Copper', 'Maple', 'Riverbend', 'Falcon', 'Beacon', 'Juniper', 'Crescent', 'Ironwood', 'Meridian', 'Prairie',
] as const;

export const COMPANY_INDUSTRIES = [
  'Logistics', 'Dental', 'Analytics', 'Foods', 'Robotics', 'Health', 'Manufacturing', 'Media', 'Labs', 'Retail',
  'Consulting', 'Energy', 'Software', 'Design', 'Financial', 'Insurance', 'Realty', 'Travel', 'Outfitters', 'Biotech',
  'Clinics', 'Education', 'Architects', 'Brewing', 'Fitness', 'Legal', 'Marine', 'Pharmacy', 'Security', 'Systems',
] as const;

export const COMPANY_SUFFIXES = {
  SMALL_BUSINESS: ['LLC', 'Co.', 'Studio', 'LLC', 'Partners'],
  MID_MARKET: ['Inc.', 'Group', 'Ltd.', 'Inc.'],
  ENTERPRISE: ['Corporation', 'Holdings', 'Global', 'International', 'Inc.'],
} as const;

/** [simplified, traditional, pinyin] */
export const CHINESE_COMPANY_STEMS: readonly ChineseName[] = [
  ['华信', '華信', 'huaxin'], ['鼎盛', '鼎盛', 'dingsheng'], ['远景', '遠景', 'yuanjing'], ['星辰', '星辰', 'xingchen'],
  ['汇通', '匯通', 'huitong'], ['博远', '博遠', 'boyuan'], ['天成', '天成', 'tiancheng'], ['云帆', '雲帆', 'yunfan'],
  ['金桥', '金橋', 'jinqiao'], ['瑞丰', '瑞豐', 'ruifeng'], ['新联', '新聯', 'xinlian'], ['恒泰', '恆泰', 'hengtai'],
];

export const CHINESE_COMPANY_INDUSTRIES: readonly ChineseName[] = [
  ['科技', '科技', 'tech'], ['物流', '物流', 'logistics'], ['贸易', '貿易', 'trading'], ['医疗', '醫療', 'health'],
  ['餐饮', '餐飲', 'foods'], ['教育', '教育', 'edu'], ['电子', '電子', 'electronics'], ['咨询', '諮詢', 'consulting'],
];

/** [simplified, traditional] */
export const CHINESE_COMPANY_SUFFIXES: Record<'SMALL_BUSINESS' | 'MID_MARKET' | 'ENTERPRISE', readonly (readonly [string, string])[]> = {
  SMALL_BUSINESS: [['有限公司', '有限公司']],
  MID_MARKET: [['有限公司', '有限公司'], ['股份有限公司', '股份有限公司']],
  ENTERPRISE: [['集团', '集團'], ['股份有限公司', '股份有限公司']],
};

export const FREE_EMAIL_DOMAINS = {
  en: ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com', 'proton.me', 'aol.com'],
  'zh-Hans': ['qq.com', '163.com', '126.com', 'gmail.com', 'sina.com'],
  'zh-Hant': ['gmail.com', 'yahoo.com.tw', 'hotmail.com', 'outlook.com', 'netvigator.com'],
} as const;

export const US_AREA_CODES = ['212', '312', '415', '512', '617', '646', '702', '206', '303', '404', '305', '213', '720', '503'] as const;

export const STAFF_NAMES: readonly (readonly [string, string])[] = [
  ['Alice', 'Morgan'], ['Ben', 'Carter'], ['Chloe', 'Nguyen'], ['Diego', 'Ramos'], ['Elena', 'Petrova'],
  ['Farah', 'Haddad'], ['Gavin', 'Brooks'], ['Hana', 'Sato'], ['Isaac', 'Owens'], ['Jade', 'Lin'],
  ['Kofi', 'Mensah'], ['Laura', 'Fischer'], ['Marcus', 'Reid'], ['Nadia', 'Rahman'], ['Oscar', 'Lindqvist'],
  ['Paula', 'Moreno'], ['Quinn', 'Sullivan'], ['Rosa', 'Delgado'], ['Samuel', 'Osei'], ['Tara', 'Kapoor'],
  ['Umar', 'Siddiqui'], ['Vera', 'Novak'], ['Wei', 'Zhang'], ['Xin', 'Chen'], ['Yara', 'Costa'],
  ['Zane', 'Whitaker'], ['Amelia', 'Grant'], ['Bruno', 'Silva'], ['Carmen', 'Vega'], ['Derek', 'Holt'],
  ['Eva', 'Lindgren'], ['Felix', 'Baumann'], ['Greta', 'Hansen'], ['Hugo', 'Laurent'], ['Iris', 'Tan'],
  ['Jonah', 'Price'], ['Keiko', 'Mori'], ['Leo', 'Marino'], ['Mei', 'Wong'], ['Nathan', 'Cole'],
];
