package dev.kassa.masterdata.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingTextTest {

    @Test
    void pythonLiteralsBecomeJson() {
        assertEquals("[{\"text\": \"h1\", \"align\": \"left\"}]",
                SettingText.normalize("[{'text':'h1','align':'left'}]"));
        assertEquals("{\"on\": true, \"off\": false, \"none\": null, \"n\": 3}",
                SettingText.normalize("{'on': True, 'off': False, 'none': None, 'n': 3}"));
        assertEquals("[{\"text\": \"It's True\"}]", SettingText.normalize("[{\"text\": \"It's True\"}]"));
        assertEquals("[{\"text\": \"領収書\"}]", SettingText.normalize("[{'text': '領収書'}]"));
    }

    @Test
    void jsonIsReformattedOtherTextKept() {
        assertEquals("[1, 2]", SettingText.normalize("[1,2]"));
        assertEquals("111111", SettingText.normalize("111111"));
        assertEquals("T1234567890123", SettingText.normalize("T1234567890123"));
        assertEquals("[not json", SettingText.normalize("[not json"));
        assertEquals("[broken, 'x]", SettingText.normalize("[broken, 'x]"));
        assertEquals("", SettingText.normalize(""));
    }
}
